package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may talk to the bot: the tenant from channelData, the person from the member lookup. */
class TeamsAccessTest {

    @OnBothDatabases
    void anUnlinkedOrganizationIsToldHowToLinkIt(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User someone = teams.stranger();
            String unlinked = "entra-" + UUID.randomUUID();
            String answer = teams.post(teams.activities.forTenant(unlinked).message(someone, "usage")).text();
            assertTrue(answer.startsWith("This Microsoft Teams organization is not linked to a licensebot account "
                    + "yet."), answer);
            assertTrue(answer.contains("--entra-tenant " + unlinked), answer);
            assertEquals(0, teams.connector.memberLookups(), "nobody is looked up for an unlinked organization");
        }
    }

    @OnBothDatabases
    void anActivityNamingNoOrganizationIsRefusedOutsideDemo(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            String answer = teams.post(teams.activities.forTenant(null).message(teams.stranger(), "usage")).text();
            assertTrue(answer.startsWith("I cannot tell which Microsoft Teams organization"), answer);
        }
    }

    @OnBothDatabases
    void someoneWithoutAccessIsToldWhoCanGrantIt(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            String answer = teams.sayExpectingText(teams.stranger(), "active agents");
            // Teams reads the text as markdown: the email's underscore comes escaped.
            assertEquals("Sorry, you do not have access to licensebot for this account. Ask "
                    + admin.email().replace("_", "\\_") + " to grant you access.", answer);
        }
    }

    @OnBothDatabases
    void aSupervisorSeesUsageButNotTheLists(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User supervisor = teams.person(Role.SUPERVISOR);
            String usage = text(teams.say(supervisor, "usage"));
            assertTrue(usage.contains("Session licenses") && !usage.contains("Active agents"),
                    "only the buttons a supervisor may use: " + usage);
            assertTrue(teams.sayExpectingText(supervisor, "active agents")
                    .startsWith("Only an account admin or higher can see active agents; you are a supervisor."));
        }
    }

    @OnBothDatabases
    void guestsAndMembersOfOtherTenantsAreRefusedWithAnOperatorsEmailAndAudited(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ADVANCED_ADMIN);
            List<String[]> pretenders = List.of(
                    new String[]{"entra-" + UUID.randomUUID(), "user", "foreign_user"},
                    new String[]{null, "user", "foreign_user"},
                    new String[]{teams.entraTenant, "guest", "guest_user"},
                    new String[]{teams.entraTenant, "Anonymous", "guest_user"},
                    new String[]{"entra-" + UUID.randomUUID(), "guest", "guest_user"});

            for (String[] pretender : pretenders) {
                User user = new User("29:" + UUID.randomUUID(), admin.email());
                teams.connector.addMember(pretender[0], user.id(), admin.email(), null, pretender[1]);

                String answer = teams.sayExpectingText(user, "active agents");
                JsonNode invoke = teams.post(teams.activities.execute(user, "usage",
                        TeamsFixture.JSON.createObjectNode().put("verb", "usage"), false)).invokeCard();

                String expected = pretender[2].equals("guest_user") ? "not guests" : "You belong to another";
                assertTrue(answer.contains(expected), String.join("/", Arrays.asList(pretender)) + ": " + answer);
                assertTrue(text(invoke).contains(expected), text(invoke));
                AuditEntry audited = teams.server.core().audit().recent(teams.tenant.id(), 1).get(0);
                assertEquals(AuditLog.CHAT_ACCESS, audited.action());
                assertEquals("teams user " + user.id() + " (" + admin.email() + ")", audited.detail());
                assertEquals("refused: " + pretender[2], audited.outcome());
            }

            assertTrue(text(teams.say(admin, "usage")).contains("License usage"), "a member is still served");
            assertEquals(2L * pretenders.size(), teams.server.core().audit().recent(teams.tenant.id(), 100).stream()
                    .filter(e -> e.action().equals(AuditLog.CHAT_ACCESS)).count());
        }
    }

    @OnBothDatabases
    void theMemberLookupIsCachedAndTheUserPrincipalNameServesWhenThereIsNoEmail(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.say(admin, "usage");
            teams.say(admin, "active agents");
            assertEquals(1, teams.connector.memberLookups(), "one lookup for two messages");

            String upn = "upn-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            teams.server.core().operators().grant(dev.licensebot.core.access.Actor.cli(teams.tenant.id()), upn,
                    Role.ACCOUNT_ADMIN);
            User noEmail = new User("29:" + UUID.randomUUID(), upn);
            teams.connector.addMember(teams.entraTenant, noEmail.id(), null, upn);
            assertTrue(text(teams.say(noEmail, "usage")).contains("License usage"));
        }
    }

    @OnBothDatabases
    void someoneTeamsDoesNotKnowIsRefusedPolitely(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User ghost = new User("29:" + UUID.randomUUID(), null);
            String answer = teams.sayExpectingText(ghost, "usage");
            assertTrue(answer.startsWith("Microsoft Teams did not tell me your email address"), answer);
        }
    }

    @OnBothDatabases
    void theTenantIsTakenFromChannelDataAlone(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            var activity = teams.activities.message(admin, "usage");
            ((com.fasterxml.jackson.databind.node.ObjectNode) activity.path("conversation")).remove("tenantId");
            assertTrue(text(teams.post(activity).card()).contains("License usage"));
        }
    }

    @OnBothDatabases
    void demoModeServesAnUnlinkedConversationFromTheDemoTenant(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.startDemo(db)) {
            User emulatorUser = new User("29:" + UUID.randomUUID(), null);
            TeamsActivities emulator = teams.activities.forTenant(null);
            String usage = text(teams.post(emulator.message(emulatorUser, "usage")).card());
            assertTrue(usage.contains("License usage") && usage.contains("Purchase history"),
                    "served as the demo tenant's advanced admin: " + usage);
            String linked = text(teams.say(teams.person(Role.ACCOUNT_ADMIN), "usage"));
            assertTrue(linked.contains("License usage"), "a linked organization is still served as itself");
        }
    }

    @OnBothDatabases
    void whenTeamsFailsThePersonGetsOneFriendlySentenceAndTheLogTheDetails(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.connector.failMemberLookups();
            String answer = teams.sayExpectingText(admin, "usage");
            assertTrue(answer.startsWith("Sorry, something went wrong on our side and nothing was changed."), answer);
            String card = text(teams.post(teams.activities.execute(admin, "usage",
                    TeamsFixture.JSON.createObjectNode().put("verb", "usage"), false)).invokeCard());
            assertTrue(card.startsWith("Sorry, something went wrong on our side"), card);
        }
    }

    @OnBothDatabases
    void aButtonTheBotNoLongerKnowsIsAnsweredPolitely(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            String card = text(teams.post(teams.activities.execute(admin, "frobnicate",
                    TeamsFixture.JSON.createObjectNode(), false)).invokeCard());
            assertTrue(card.contains("I do not know that button any more"), card);
            String page = text(teams.post(teams.activities.execute(admin, "active",
                    TeamsFixture.JSON.createObjectNode().put("page", "-1"), false)).invokeCard());
            assertTrue(page.contains("\"-1\" is not a page number"), page);
        }
    }
}
