package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.BotFrameworkTokens;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With MICROSOFT_APP_ID set, /api/messages fails closed: without a valid Bot Framework token
 * nothing runs, nobody is looked up, nothing is sent and nothing changes.
 */
class TeamsAuthenticationTest {

    private static final String APP_ID = "00000000-0000-0000-0000-00000000b07";

    /** A Confirm press for a real pending termination, sent with {@code authorization}. */
    private static void assertRefusedAndNothingChanged(TeamsFixture teams, String authorization) {
        User admin = teams.person(Role.ACCOUNT_ADMIN);
        teams.openSession("s-ann", "ann");
        TerminationPlan plan = teams.server.core().terminations().request(teams.tenant,
                teams.server.core().operators().resolve(teams.tenant.id(), admin.email(),
                        dev.licensebot.core.access.Surface.TEAMS), List.of("s-ann"));
        JsonNode data = TeamsFixture.JSON.createObjectNode().put("verb", "confirmTermination")
                .put("confirmationId", plan.confirmation().id());
        int requestsBefore = teams.connector.requests();

        TeamsFixture.Exchange confirm = teams.post(teams.activities.execute(admin, "confirmTermination", data, false),
                authorization);
        TeamsFixture.Exchange message = teams.post(teams.activities.message(admin, "usage"), authorization);

        assertEquals(401, confirm.status(), confirm.body());
        assertEquals(401, message.status(), message.body());
        assertTrue(teams.isOpen("s-ann"), "the session is still open");
        assertEquals(0, teams.connector.sent().size(), "nothing was sent");
        assertEquals(0, teams.connector.memberLookups(), "nobody was looked up");
        assertTrue(teams.connector.requests() - requestsBefore <= 2, "at most the signing keys were fetched");
        assertEquals(1, teams.server.core().terminations().confirm(teams.tenant,
                        teams.server.core().operators().resolve(teams.tenant.id(), admin.email(),
                                dev.licensebot.core.access.Surface.TEAMS), plan.confirmation().id())
                .terminatedCount(), "the confirmation was not used up");
    }

    @OnBothDatabases
    void aMissingTokenIsRefused(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            assertRefusedAndNothingChanged(teams, null);
        }
    }

    @OnBothDatabases
    void aMalformedTokenIsRefused(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            assertRefusedAndNothingChanged(teams, "Bearer not.a-token");
        }
    }

    @OnBothDatabases
    void aTokenThatIsNotBearerIsRefused(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            assertRefusedAndNothingChanged(teams, "Basic dXNlcjpwYXNz");
        }
    }

    @OnBothDatabases
    void aForgedTokenIsRefused(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();
            teams.connector.publishSigningKeys(tokens.signingKeys());
            assertRefusedAndNothingChanged(teams, "Bearer " + tokens.forged(APP_ID, teams.connector.serviceUrl()));
        }
    }

    @OnBothDatabases
    void anExpiredTokenOrOneForAnotherBotIsRefused(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();
            teams.connector.publishSigningKeys(tokens.signingKeys());
            assertRefusedAndNothingChanged(teams, "Bearer " + tokens.expired(APP_ID, teams.connector.serviceUrl()));
        }
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();
            teams.connector.publishSigningKeys(tokens.signingKeys());
            assertRefusedAndNothingChanged(teams, "Bearer " + tokens.valid("another-bot",
                    teams.connector.serviceUrl()));
        }
    }

    @OnBothDatabases
    void aValidTokenIsAccepted(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();
            teams.connector.publishSigningKeys(tokens.signingKeys());
            // Someone else joining needs no answer, so nothing has to reach Entra for an outgoing token.
            TeamsFixture.Exchange joined = teams.post(teams.activities.membersAdded(teams.stranger(), "29:someone"),
                    "Bearer " + tokens.valid(APP_ID, teams.connector.serviceUrl()));
            assertEquals(202, joined.status(), joined.body());
        }
    }

    @OnBothDatabases
    void withoutAnAppIdTheBotIsOpenAsForTheEmulator(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            assertEquals(202, teams.post(teams.activities.membersAdded(teams.stranger(), TeamsActivities.BOT_ID))
                    .status());
        }
    }

    @OnBothDatabases
    void aBodyThatIsNoActivityIsRefused(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            assertEquals(400, teams.post(TeamsFixture.JSON.getNodeFactory().textNode("hello")).status());
        }
        try (TeamsFixture teams = TeamsFixture.authenticated(db, APP_ID)) {
            assertEquals(401, teams.post(TeamsFixture.JSON.getNodeFactory().arrayNode()).status(),
                    "with an app id even nonsense gets nothing but 401");
        }
    }
}
