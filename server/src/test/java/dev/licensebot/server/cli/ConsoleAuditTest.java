package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `audit [since YYYY-MM-DD] [page N]` at the console: the tenant's audit log, paged like the histories. */
class ConsoleAuditTest {

    @OnBothDatabases
    void anAccountAdminSeesWhoDidWhatNewestFirstInTheTenantsTime(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        f.open("s-ann", "ann");
        f.t.core().replenishments().apply(f.tenant, Actor.cli(f.tenant.id()), Pool.SESSION, 5, "PO 4711");
        f.t.clock().advance(Duration.ofMinutes(5));

        CliHarness.Result result = f.typing("terminate s-ann\nyes\naudit\n");

        String audit = ConsoleFixture.answers(result).get(2);
        assertTrue(audit.startsWith("Audit log · "), audit);
        assertTrue(audit.contains(" · newest first · page 1 of 1 · times in Europe/Berlin"), audit);
        List<String> rows = rows(audit);
        assertTrue(rows.get(0).matches("2026-03-10 09:05\\s+account-admin@example.com\\s+TERMINATE\\s+cli\\s+.*"),
                audit);
        assertTrue(rows.get(1).matches("2026-03-10 09:00\\s+cli\\s+REPLENISH\\s+cli\\s+\\+5 session licenses.*"),
                audit);
    }

    @OnBothDatabases
    void anotherTenantsEntriesAreNeverShown(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        Tenant other = f.t.tenant(5, 5);
        f.t.core().replenishments().apply(other, f.t.operator(other, Role.ADVANCED_ADMIN), Pool.USER, 7, "theirs");

        String audit = ConsoleFixture.answers(f.typing("audit\n")).get(1);

        assertTrue(audit.startsWith("Audit log · "), audit);
        assertFalse(audit.contains("advanced_admin-") || audit.contains("+7 user") || audit.contains("theirs"),
                audit);
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheAuditInOneLine(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.SUPERVISOR);

        CliHarness.Result result = f.typing("audit\nhelp\n");

        List<String> answers = ConsoleFixture.answers(result);
        assertTrue(answers.get(1).startsWith("Only an account admin or higher can read the audit log; "
                + "you are a supervisor."), answers.get(1));
        assertEquals(1, answers.get(1).lines().count(), answers.get(1));
        assertFalse(answers.get(2).contains("audit ["), answers.get(2));
    }

    @OnBothDatabases
    void theHelpOffersTheAuditToAnAccountAdmin(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        String help = ConsoleFixture.answers(f.typing("help\n")).get(1);

        assertTrue(help.contains("  audit [since YYYY-MM-DD] [page N]"), help);
    }

    @OnBothDatabases
    void theAuditPagesWithNextAndPrevAndSaysWhenAPageIsPastTheEnd(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        for (int i = 1; i <= 10; i++) {
            f.t.clock().advance(Duration.ofMinutes(1));
            f.t.core().replenishments().apply(f.tenant, Actor.cli(f.tenant.id()), Pool.SESSION, 1, "PO " + i);
        }

        CliHarness.Result result = f.typing("audit\nnext\nprev\naudit page 3\nnext\naudit since 2026-03-11\n");

        List<String> answers = ConsoleFixture.answers(result);
        // The operator's grant and ten replenishments: eleven entries, ten to a page.
        assertTrue(answers.get(1).contains("Audit log · 11 entries · newest first · page 1 of 2"), answers.get(1));
        assertTrue(rows(answers.get(1)).get(0).startsWith("2026-03-10 09:10"), answers.get(1));
        assertTrue(answers.get(1).endsWith("Page 1 of 2: type next."), answers.get(1));
        assertEquals(1, rows(answers.get(2)).size(), answers.get(2));
        assertTrue(answers.get(2).endsWith("Page 2 of 2: type prev."), answers.get(2));
        assertTrue(answers.get(3).endsWith("Page 1 of 2: type next."), answers.get(3));
        assertFalse(answers.get(4).contains("page 3 of"), answers.get(4));
        assertTrue(answers.get(4).endsWith("Nothing on page 3: there are 2 pages. Type prev."), answers.get(4));
        assertEquals("That was the last page (nothing on page 3; there are 2 pages).", answers.get(5));
        assertTrue(answers.get(6).endsWith("Nothing recorded since 2026-03-11."), answers.get(6));
    }

    private static List<String> rows(String answer) {
        return answer.lines().filter(l -> l.startsWith("2026-")).toList();
    }
}
