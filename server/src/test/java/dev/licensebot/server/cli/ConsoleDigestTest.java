package dev.licensebot.server.cli;

import dev.licensebot.core.access.Role;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** `digest` at the console: the weekly digest as a table, the sizing lines and sparklines. */
class ConsoleDigestTest {

    @OnBothDatabases
    void anAccountAdminReadsTheWeeksPeakSizingLinesAndSparklines(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        f.open("s-ann", "ann");
        Digest digest = f.t.core().digests().weeklyFor(f.tenant, f.t.clock().instant());

        String shown = ConsoleFixture.answers(f.typing("digest\n")).get(1);

        assertTrue(shown.startsWith("Weekly digest · as of 2026-03-10 09:00 CET"), shown);
        assertTrue(shown.matches("(?s).*Session\\s+1 / " + digest.pools().get(0).total() + "\\s+.*"), shown);
        assertTrue(shown.contains("Session: " + digest.pools().get(0).sizing()), shown);
        assertTrue(shown.contains("User: " + digest.pools().get(1).sizing()), shown);
        assertTrue(shown.contains(digest.pools().get(0).sparkline()), shown);
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheDigestInOneLineAndHelpDoesNotOfferIt(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.SUPERVISOR);

        List<String> answers = ConsoleFixture.answers(f.typing("digest\nhelp\n"));

        assertTrue(answers.get(1).startsWith("Only an account admin or higher can read the weekly digest; "
                + "you are a supervisor."), answers.get(1));
        assertTrue(!answers.get(2).contains("digest"), answers.get(2));
    }
}
