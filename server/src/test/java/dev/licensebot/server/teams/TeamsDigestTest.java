package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "digest": the weekly digest as an Adaptive Card, for account admins. */
class TeamsDigestTest {

    @OnBothDatabases
    void anAccountAdminGetsBothPoolsWithTheirSizingLinesAndGraphs(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Digest digest = teams.server.core().digests().weeklyFor(teams.tenant, teams.clock.instant());

            JsonNode card = teams.say(teams.person(Role.ACCOUNT_ADMIN), "weekly digest");

            String shown = text(card);
            assertTrue(shown.contains("Weekly digest") && shown.contains("Session licenses")
                    && shown.contains("User licenses") && shown.contains("Week's peak"), shown);
            assertTrue(shown.contains(digest.pools().get(0).sizing()), shown);
            assertTrue(shown.contains(digest.pools().get(1).sizing()), shown);
            assertEquals(2, card.findValues("url").stream().filter(u -> u.asText().startsWith("data:image/png"))
                    .count(), "the 30-day graph of each pool, inline");
        }
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheDigest(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            String refusal = teams.sayExpectingText(teams.person(Role.SUPERVISOR), "digest");
            assertTrue(refusal.startsWith("Only an account admin or higher can read the weekly digest"), refusal);
        }
    }
}
