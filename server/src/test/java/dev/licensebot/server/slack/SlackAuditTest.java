package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.testing.SlackPayloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /licenses audit [since YYYY-MM-DD] [page N]}: who did what in this account, for its admins only. */
class SlackAuditTest {

    @OnBothDatabases
    void anAccountAdminSeesWhoChangedTheLicensesAndNeverAnotherAccountsEntries(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            f.t.core().replenishments().apply(f.tenant, admin.actor(), Pool.SESSION, 5, "PO 4711");
            Tenant other = f.t.core().tenants().create(new Tenants.NewTenant("Other " + SlackFixture.newTeam(),
                    "Europe/Berlin", 20, 50, null)).tenant();
            Actor otherAdmin = f.t.operator(other, Role.ADVANCED_ADMIN);
            f.t.core().replenishments().apply(other, otherAdmin, Pool.SESSION, 7, "PO of another account");

            SlackFixture.Answer audit = f.command(f.person(Role.ACCOUNT_ADMIN), "audit");

            String text = audit.text();
            assertTrue(text.contains("Audit log") && text.contains("REPLENISH") && text.contains("PO 4711"), text);
            assertTrue(text.contains(admin.actor().name()), text);
            assertFalse(text.contains("PO of another account") || text.contains(otherAdmin.name()), text);
            JsonNode table = tableOf(audit.message());
            assertEquals(6, table.path("rows").get(0).size(), "When, Who, Action, Surface, What, Outcome");
        }
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheAuditLog(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            f.t.core().replenishments().apply(f.tenant, f.person(Role.ADVANCED_ADMIN).actor(), Pool.SESSION, 5,
                    "PO 4711");

            SlackFixture.Answer refused = f.command(f.person(Role.SUPERVISOR), "audit");

            assertTrue(refused.text().contains("Only an account admin or higher"), refused.text());
            assertFalse(refused.text().contains("PO 4711"), refused.text());
        }
    }

    @OnBothDatabases
    void theAuditLogPagesWithPreviousAndNextInPlace(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);
            for (int i = 1; i <= 12; i++) {
                f.t.core().replenishments().apply(f.tenant, admin.actor(), Pool.USER, 1, "PO " + i);
            }

            SlackFixture.Answer first = f.command(admin, "audit since 2026-01-01");
            assertTrue(first.text().contains("since 2026-01-01") && first.text().contains("page 1 of 2"),
                    first.text());
            assertFalse(SlackPayloads.hasElement(first.message(), ActionIds.AUDIT_PREVIOUS));

            SlackFixture.Answer second = f.press(admin, first, ActionIds.AUDIT_NEXT);

            assertTrue(second.replacedOriginal());
            assertTrue(second.text().contains("page 2 of 2") && second.text().contains("since 2026-01-01"),
                    second.text());
            assertTrue(SlackPayloads.hasElement(second.message(), ActionIds.AUDIT_PREVIOUS));
            assertFalse(SlackPayloads.hasElement(second.message(), ActionIds.AUDIT_NEXT));
        }
    }

    private static JsonNode tableOf(JsonNode message) {
        for (JsonNode block : message.path("blocks")) {
            if ("table".equals(block.path("type").asText())) {
                return block;
            }
        }
        throw new AssertionError("no table in " + message);
    }
}
