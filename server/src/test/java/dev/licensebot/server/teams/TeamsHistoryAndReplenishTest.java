package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.users.UserReport;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.time.Duration;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Histories page and keep their "since"; replenish confirms, cancels and refuses. */
class TeamsHistoryAndReplenishTest {

    @OnBothDatabases
    void aHistoryPagesNewestFirstAndKeepsItsSince(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.server.core().replenishments().apply(teams.tenant, Actor.cli(teams.tenant.id()), Pool.SESSION, 20,
                    null);
            for (int i = 1; i <= 12; i++) {
                teams.openSession(String.format("s-%02d", i), "agent" + i);
                teams.clock.advance(Duration.ofMinutes(1));
            }
            JsonNode first = teams.say(admin, "history sessions since 2026-03-10");
            String shown = text(first);
            assertTrue(shown.contains("12 entries since 2026-03-10") && shown.contains("page 1 of 2"), shown);
            assertTrue(shown.indexOf("s-12") < shown.indexOf("s-11"), "newest first: " + shown);
            String second = text(teams.press(admin, first, "Next"));
            assertTrue(second.contains("page 2 of 2") && second.contains("since 2026-03-10")
                    && second.contains("s-01"), second);
            assertTrue(text(teams.say(admin, "history sessions since 2026-03-11")).contains("Nothing since 2026-03-11."));
        }
    }

    @OnBothDatabases
    void theUserHistoryLinksConversationCountsAndShowsTheLicenseStatus(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            teams.server.core().userLicenses().allocate(teams.tenant, new UserReport("u-7", "ann", "ann@example.com",
                    "Ann", "Lee", "agent", 42));
            String users = text(teams.say(admin, "history users"));
            assertTrue(users.contains("ann") && users.contains("Ann") && users.contains("Lee")
                    && users.contains("Active") && users.contains("2026-03-10 09:00 CET"), users);
            assertTrue(users.contains("[42](https://console.example/conversations?session=&user=u-7)"), users);
        }
    }

    @OnBothDatabases
    void anAccountAdminCannotReplenish(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            String refusal = teams.sayExpectingText(teams.person(Role.ACCOUNT_ADMIN), "replenish +5 session");
            assertTrue(refusal.startsWith("Only an advanced admin or higher can replenish licenses"), refusal);
        }
    }

    @OnBothDatabases
    void removingBelowWhatIsInUseIsRefusedWithTheReason(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            teams.openSession("s-1", "ann");
            teams.openSession("s-2", "bob");
            String refusal = teams.sayExpectingText(teams.person(Role.ADVANCED_ADMIN), "remove 9 session licenses");
            assertTrue(refusal.contains("but 2 are in use now"), refusal);
        }
    }

    @OnBothDatabases
    void aCancelledReplenishChangesNothing(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User advanced = teams.person(Role.ADVANCED_ADMIN);
            JsonNode confirmation = teams.say(advanced, "replenish -3 user licenses");
            JsonNode cancelled = teams.press(advanced, confirmation, "Cancel");
            assertTrue(text(cancelled).contains("the licenses were not changed"), text(cancelled));
            assertFalse(AdaptiveCards.hasButtons(cancelled));
            assertEquals(10, teams.server.core().tenants().total(teams.tenant.id(), Pool.USER));
            assertTrue(text(teams.press(advanced, confirmation, "Confirm")).contains("already cancelled"));
        }
    }
}
