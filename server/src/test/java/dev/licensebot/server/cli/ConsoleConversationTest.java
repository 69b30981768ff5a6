package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.conversation.UsageBar;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console answers the conversation's words with the core's results as text tables. */
class ConsoleConversationTest {

    @OnBothDatabases
    void usageShowsBothPoolsWithTheBarAndTheThirtyDayFigures(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.SUPERVISOR);
        f.open("s-1", "ann");
        f.open("s-2", "bob");

        CliHarness.Result result = f.typing("usage\n");

        assertEquals(0, result.exitCode(), result::toString);
        String usage = ConsoleFixture.answers(result).get(1);
        assertTrue(usage.startsWith("License usage · as of 2026-03-10 09:00 CET"), usage);
        String session = line(usage, "Session");
        assertTrue(session.contains("2 / 20") && session.contains(UsageBar.of(2, 20))
                && session.contains("2.0") && session.contains("2 on 2026-03-10"), usage);
        assertTrue(line(usage, "User").contains("0 / 35"), usage);
        assertTrue(usage.contains("Daily figures over the last 30 days, days in Europe/Berlin."), usage);
        assertTrue(usage.contains("Daily max, last 30 days:  Session ▁") && usage.contains("█  User ▁"),
                "the graph as sparklines: " + usage);
        // A supervisor may see only the usage, so nothing else is offered.
        assertFalse(usage.contains("More:"), usage);
    }

    @OnBothDatabases
    void theActiveListShowsGuestsSortsAndPagesWithNextAndPrev(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        f.open("s-guest", null, new OpenInteraction("Chat", 2), new OpenInteraction("Email", 1));
        for (int i = 1; i <= 10; i++) {
            f.t.clock().advance(Duration.ofMinutes(1));
            f.open(String.format("s-%02d", i), String.format("agent-%02d", i));
        }

        CliHarness.Result result = f.typing("active\nnext\nnext\nactive sort start desc page 2\nprev\n");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> answers = ConsoleFixture.answers(result);
        String first = answers.get(1);
        assertTrue(first.contains("11 connected · sorted by start, oldest first · page 1 of 2"), first);
        List<String> rows = ConsoleFixture.sessionRows(first);
        assertEquals(10, rows.size(), first);
        assertTrue(rows.get(0).matches("s-guest\\s+Guest\\s+09:00\\s+Chat ×2, Email\\s+3"), rows.get(0));
        assertTrue(first.contains("Page 1 of 2: type next."), first);
        assertTrue(first.contains("To end sessions: terminate ID…"), first);

        assertEquals(List.of("s-10"), ids(answers.get(2)));
        assertTrue(answers.get(2).contains("Page 2 of 2: type prev."), answers.get(2));
        assertEquals("That was the last page (page 2 of 2).", answers.get(3));
        assertTrue(answers.get(4).contains("sorted by start, newest first · page 2 of 2"), answers.get(4));
        assertEquals(List.of("s-guest"), ids(answers.get(4)));
        assertEquals("s-10", ids(answers.get(5)).get(0));
        assertTrue(answers.get(5).contains("newest first · page 1 of 2"), answers.get(5));
    }

    @OnBothDatabases
    void anEmptyActiveListSaysNoAgentsAreConnected(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("active\n");

        assertTrue(ConsoleFixture.answers(result).get(1).startsWith("There are currently no Agents connected."),
                result::toString);
    }

    @OnBothDatabases
    void historiesListSessionsAndPurchasesNewestFirstInTheTenantsTime(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        f.open("s-1", "ann");
        f.t.clock().advance(Duration.ofMinutes(5));
        f.t.core().sessionLicenses().logout(f.tenant, "s-1");
        f.t.core().replenishments().apply(f.tenant, Actor.cli(f.tenant.id()), Pool.SESSION, 5, "PO 4711");

        CliHarness.Result result = f.typing("history sessions\nhistory purchases\nhistory sessions since 2026-03-11\n"
                + "history sessions wide\n");

        List<String> answers = ConsoleFixture.answers(result);
        String sessions = answers.get(1);
        assertTrue(sessions.startsWith("Session history · 1 entry · newest first · page 1 of 1 · times in "
                + "Europe/Berlin"), sessions);
        String row = ConsoleFixture.sessionRows(sessions).get(0);
        assertTrue(row.matches("s-1\\s+ann\\s+2026-03-10 09:00\\s+0\\s+2026-03-10 09:05\\s+logged out"), row);
        String wide = ConsoleFixture.sessionRows(answers.get(4)).get(0);
        assertTrue(wide.matches("s-1\\s+ann\\s+2026-03-10 09:00\\s+AGENT\\s+Web widget\\s+0\\s+0\\s+"
                + "2026-03-10 09:00\\s+2026-03-10 09:05\\s+logged out"), wide);
        String purchases = answers.get(2);
        assertTrue(purchases.startsWith("Purchase history · 1 entry"), purchases);
        assertTrue(line(purchases, "2026-03-10 09:05").matches("2026-03-10 09:05\\s+session\\s+\\+5\\s+25\\s+cli"
                + "\\s+PO 4711"), purchases);
        assertTrue(answers.get(3).endsWith("Nothing recorded since 2026-03-11."), answers.get(3));
    }

    @OnBothDatabases
    void unknownWordsGetTheHelpNamingThem(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("frobnicate the widgets\n");

        String help = ConsoleFixture.answers(result).get(1);
        assertTrue(help.startsWith("I did not understand \"frobnicate\" or \"widgets\". Here is what I can do:"), help);
        assertTrue(help.contains("active [sort agent|start|interactions] [asc|desc] [page N]"), help);
        // An account admin may not replenish, so it is not offered.
        assertFalse(help.contains("replenish +N"), help);
    }

    @OnBothDatabases
    void theConsoleHelpSaysActiveSessionsAreTerminatedByIdNotBySelectingRows(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        String help = ConsoleFixture.answers(f.typing("help\n")).get(1);

        assertFalse(help.contains("select rows"), help);
        assertTrue(help.contains("with their session ids and open interactions; terminate them by id with "
                + "terminate ID…."), help);
    }

    @OnBothDatabases
    void aBadValueIsRefusedInOneLineAndTheConsoleGoesOn(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("active page zero\nnext\nusage\n");

        List<String> answers = ConsoleFixture.answers(result);
        assertEquals("\"zero\" is not a page number; pages start at 1.", answers.get(1));
        assertEquals("There is no list to page through yet; try active or history sessions.", answers.get(2));
        assertTrue(answers.get(3).startsWith("License usage"), answers.get(3));
        assertEquals(0, result.exitCode());
    }

    @OnBothDatabases
    void theCoresSentencesShowWithoutSlackBackticks(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("history\nreplenish lots\n");

        List<String> answers = ConsoleFixture.answers(result);
        assertEquals("Which history? Try history users, history sessions or history purchases.", answers.get(1));
        assertFalse(result.out().contains("`"), result::toString);
    }

    @OnBothDatabases
    void theOnlyAdminRefusedAnActionAboveTheirRoleIsNotToldToAskThemself(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("replenish +5 session\n");

        assertEquals("Only an advanced admin or higher can replenish licenses; you are an account admin. "
                + "An operator with shell access can grant it with licensebot.jar operator grant.",
                ConsoleFixture.answers(result).get(1));
    }

    @OnBothDatabases
    void aPagePastTheEndSaysThereIsNothingOnItAndHowManyPagesThereAre(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        f.open("s-1", "ann");

        CliHarness.Result result = f.typing("history sessions page 2\nnext\nactive page 3\n");

        List<String> answers = ConsoleFixture.answers(result);
        assertFalse(result.out().contains(" of 1"), result::toString);
        assertTrue(answers.get(1).startsWith("Session history · 1 entry · newest first · times in Europe/Berlin"),
                answers.get(1));
        assertTrue(answers.get(1).endsWith("Nothing on page 2: there is 1 page. Type prev."), answers.get(1));
        assertEquals("That was the last page (nothing on page 2; there is 1 page).", answers.get(2));
        assertTrue(answers.get(3).contains("1 connected · sorted by start, oldest first · times in"), answers.get(3));
        assertTrue(answers.get(3).endsWith("Nothing on page 3: there is 1 page. Type prev."), answers.get(3));
    }

    @OnBothDatabases
    void quitLeavesWithoutReadingFurther(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("quit\nusage\n");

        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.out().contains("License usage"), result::toString);
    }

    private static List<String> ids(String answer) {
        return ConsoleFixture.sessionRows(answer).stream().map(r -> r.split("\\s+")[0]).toList();
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + text));
    }
}
