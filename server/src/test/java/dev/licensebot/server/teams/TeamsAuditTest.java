package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.time.Duration;
import java.util.UUID;

import static dev.licensebot.teams.testing.AdaptiveCards.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "audit [since YYYY-MM-DD] [page N]": account admins read their own account's audit log, page by page. */
class TeamsAuditTest {

    private static void replenish(TeamsFixture teams, Tenant tenant, String reason) {
        teams.server.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.SESSION, 1, reason);
    }

    @OnBothDatabases
    void anAccountAdminReadsTheAuditLogNewestFirstPageByPageKeepingItsSince(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);
            for (int i = 1; i <= 12; i++) {
                replenish(teams, teams.tenant, String.format("reason-%02d", i));
                teams.clock.advance(Duration.ofMinutes(1));
            }
            JsonNode first = teams.say(admin, "audit since 2026-03-10");
            String shown = text(first);
            assertTrue(shown.contains("Audit log") && shown.contains("since 2026-03-10")
                    && shown.contains("page 1 of 2"), shown);
            assertTrue(shown.contains("REPLENISH") && shown.contains("total now"), shown);
            assertTrue(shown.indexOf("reason-12") < shown.indexOf("reason-11"), "newest first: " + shown);
            String second = text(teams.press(admin, first, "Next"));
            assertTrue(second.contains("page 2 of 2") && second.contains("since 2026-03-10"), second);
            assertTrue(text(teams.press(admin, first, "Refresh")).contains("reason-12"), "Refresh shows it again");
            assertTrue(text(teams.say(admin, "audit since 2026-03-11")).contains("Nothing since 2026-03-11."));
        }
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheAuditLog(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            String refusal = teams.sayExpectingText(teams.person(Role.SUPERVISOR), "audit");
            assertTrue(refusal.startsWith("Only an account admin or higher can read the audit log"), refusal);
        }
    }

    @OnBothDatabases
    void anotherAccountsEntriesNeverAppear(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            Tenant other = teams.server.core().tenants().create(new Tenants.NewTenant("Other " + UUID.randomUUID(),
                    "Europe/Berlin", 5, 5, Duration.ofMinutes(30))).tenant();
            replenish(teams, other, "reason-of-theirs");
            replenish(teams, teams.tenant, "reason-of-ours");
            String shown = text(teams.say(teams.person(Role.ACCOUNT_ADMIN), "audit"));
            assertTrue(shown.contains("reason-of-ours"), shown);
            assertFalse(shown.contains("reason-of-theirs"), shown);
        }
    }
}
