package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Terminate through the cards: select, confirm, outcome; and every way it must refuse. */
class TeamsTerminateTest {

    /** Ticks the row of {@code agent} on an Active Agents card and presses Terminate selected. */
    private static JsonNode terminateSelected(TeamsFixture teams, User who, JsonNode list, String agent) {
        JsonNode toggle = list.findParents("type").stream()
                .filter(n -> "Input.Toggle".equals(n.path("type").asText()) && agent.equals(n.path("title").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + agent));
        return teams.press(who, AdaptiveCards.button(list, "Terminate selected"),
                Map.of(toggle.path("id").asText(), toggle.path("valueOn").asText()));
    }

    @OnBothDatabases
    void selectingConfirmingAndTheAgentsNextHeartbeatIsTold410(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann", new OpenInteraction("Chat", 2), new OpenInteraction("Email", 1));
            teams.openSession("s-bob", "bob");

            JsonNode confirmation = terminateSelected(teams, admin, teams.say(admin, "active agents"), "ann");
            String shown = text(confirmation);
            assertTrue(shown.contains("Terminate 1 session: ann (since 09:00)."), shown);
            assertTrue(shown.contains("09:00 CET") && shown.contains("3: Chat ×2, Email"),
                    "agent, since when, and the interactions it cuts: " + shown);
            assertTrue(teams.isOpen("s-ann"), "nothing ends before Confirm");

            JsonNode outcome = teams.press(admin, confirmation, "Confirm");
            assertTrue(text(outcome).contains("Terminated 1 session (ann). By " + admin.email() + "."), text(outcome));
            assertFalse(AdaptiveCards.hasButtons(outcome), "no live buttons on the outcome");
            assertFalse(outcome.has("refresh"));
            assertFalse(teams.isOpen("s-ann"));
            assertTrue(teams.isOpen("s-bob"), "only the selected session ended");
            assertEquals(410, teams.heartbeat("s-ann"), "the agent is told to reload");
            assertEquals(200, teams.heartbeat("s-bob"));
        }
    }

    @OnBothDatabases
    void confirmingTwiceChangesNothingMoreAndSaysWhy(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode confirmation = teams.say(admin, "terminate s-ann");
            teams.press(admin, confirmation, "Confirm");
            teams.openSession("s-ann-2", "ann");

            JsonNode again = teams.press(admin, confirmation, "Confirm");
            assertTrue(text(again).contains("This was already confirmed by " + admin.email()
                    + " in Microsoft Teams at 09:00 CET. Nothing more was done."), text(again));
            assertTrue(teams.isOpen("s-ann-2"));
        }
    }

    @OnBothDatabases
    void aStaleConfirmationChangesNothing(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode confirmation = teams.say(admin, "terminate s-ann");
            teams.clock.advance(Duration.ofMinutes(11));
            teams.heartbeat("s-ann");

            JsonNode stale = teams.press(admin, confirmation, "Confirm");
            assertTrue(text(stale).contains("This confirmation expired at 09:10 CET. Nothing was done"), text(stale));
            assertTrue(teams.isOpen("s-ann"));
        }
    }

    @OnBothDatabases
    void cancellingUsesTheConfirmationUp(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode confirmation = teams.say(admin, "terminate s-ann");
            JsonNode cancelled = teams.press(admin, confirmation, "Cancel");
            assertTrue(text(cancelled).contains("nothing was terminated"), text(cancelled));
            assertFalse(AdaptiveCards.hasButtons(cancelled));
            assertTrue(text(teams.press(admin, confirmation, "Confirm")).contains("already cancelled"));
            assertTrue(teams.isOpen("s-ann"));
        }
    }

    @OnBothDatabases
    void aSupervisorIsRefusedAtRequest(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User supervisor = teams.person(Role.SUPERVISOR);
            teams.openSession("s-ann", "ann");
            String refusal = teams.sayExpectingText(supervisor, "terminate s-ann");
            assertTrue(refusal.startsWith("Only an account admin or higher can terminate sessions; you are a supervisor."),
                    refusal);
            assertTrue(teams.isOpen("s-ann"));
        }
    }

    @OnBothDatabases
    void anAdminDemotedAfterAskingIsRefusedAtConfirm(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode confirmation = teams.say(admin, "terminate s-ann");
            teams.server.core().operators().grant(Actor.cli(teams.tenant.id()), admin.email(), Role.SUPERVISOR);

            JsonNode refused = teams.press(admin, confirmation, "Confirm");
            assertTrue(text(refused).contains("Only an account admin or higher can terminate sessions"), text(refused));
            assertTrue(teams.isOpen("s-ann"));
        }
    }

    @OnBothDatabases
    void someoneElseCannotConfirmMyConfirmation(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            User colleague = teams.person(Role.ADVANCED_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode confirmation = teams.say(admin, "terminate s-ann");

            JsonNode refused = teams.press(colleague, confirmation, "Confirm");
            assertTrue(text(refused).contains("Only " + admin.email() + ", who asked for this, can confirm"),
                    text(refused));
            assertTrue(teams.isOpen("s-ann"));
        }
    }

    @OnBothDatabases
    void anotherTenantsAdminCannotTouchThisTenantsSessions(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode confirmation = teams.say(admin, "terminate s-ann");

            Tenant other = teams.server.core().tenants().create(new Tenants.NewTenant("Other " + UUID.randomUUID(),
                    "Europe/Berlin", 5, 5, Duration.ofMinutes(30))).tenant();
            String otherEntra = "entra-" + UUID.randomUUID();
            teams.server.core().tenants().linkTeamsTenant(other.id(), otherEntra);
            User intruder = teams.personOf(other, otherEntra, Role.ADVANCED_ADMIN);
            TeamsActivities fromOther = teams.activities.forTenant(otherEntra);

            String list = text(teams.post(fromOther.message(intruder, "active agents")).card());
            assertTrue(list.contains("There are currently no Agents connected."), list);
            String plan = text(teams.post(fromOther.message(intruder, "terminate s-ann")).card());
            assertTrue(plan.contains("There is nothing to terminate. No session s-ann."), plan);

            JsonNode button = AdaptiveCards.button(confirmation, "Confirm");
            JsonNode refused = teams.post(fromOther.execute(intruder, button.path("verb").asText(),
                    button.path("data"), false)).invokeCard();
            assertTrue(text(refused).contains("That confirmation does not exist; nothing was done."), text(refused));
            assertTrue(teams.isOpen("s-ann"));
            assertTrue(text(teams.press(admin, confirmation, "Confirm")).contains("Terminated 1 session (ann)"),
                    "the confirmation is still usable by the one who asked");
        }
    }

    @OnBothDatabases
    void aRefreshNeverConfirms(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.openSession("s-ann", "ann");
            JsonNode button = AdaptiveCards.button(teams.say(admin, "terminate s-ann"), "Confirm");
            JsonNode refused = teams.post(teams.activities.execute(admin, button.path("verb").asText(),
                    button.path("data"), true)).invokeCard();
            assertTrue(text(refused).contains("A card refresh cannot confirm anything"), text(refused));
            assertTrue(teams.isOpen("s-ann"));
        }
    }
}
