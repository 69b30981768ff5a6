package dev.licensebot.server.cli;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything an operator can get wrong ends with exit 2 and one readable line, never a stack trace. */
class CliUsageErrorsTest {

    // Parsing fails before any command opens a database; this one stays unused (and empty) unless it does.
    private static final DbSettings UNUSED = new DbSettings("jdbc:h2:mem:cli_" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", "");

    private static final String[] CREATE = {"tenant", "create", "--name", "Acme", "--timezone", "Europe/Berlin",
            "--session-licenses", "5", "--user-licenses", "5"};

    @Test
    void anUnknownCommandExitsTwoWithOneLine() {
        assertUsageError(run("frobnicate"), "Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void runFromTheJarTheHintNamesTheJarForm() {
        assertUsageError(run("frobnicate"), "(see: java -jar licensebot.jar --help)");
    }

    @Test
    void startedThroughBinLicensebotTheHintNamesTheScript() {
        Map<String, String> env = CliHarness.env(UNUSED);
        env.put(CliContext.LAUNCHER_VARIABLE, "bin/licensebot");
        CliHarness.Result result = CliHarness.run(env, TestClock.at(TestCore.DEFAULT_START),
                new CliHarness.StoppableLifetime(), UNUSED, "tenant", "link-slack", "--tenant", "t1");

        assertUsageError(result, "(see: bin/licensebot tenant link-slack --help)");
        assertFalse(result.err().contains("licensebot.jar"), result::toString);
    }

    @Test
    void helpAsACommandPrintsTheUsageAndExitsZero() {
        CliHarness.Result result = run("help");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Usage: java -jar licensebot.jar"), result::toString);
        assertTrue(result.out().contains("start-check"), result::toString);
        assertEquals("", result.err());
    }

    @Test
    void helpWithACommandPrintsThatCommandsUsage() {
        CliHarness.Result result = run("help", "replenish");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("--delta"), result::toString);
    }

    @Test
    void theUsageListsCdsArchive() {
        CliHarness.Result result = run("--help");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("--cds-archive"), result::toString);
    }

    @Test
    void cdsArchiveGivenToTheJarSaysItWorksThroughTheScript() {
        assertUsageError(run("--cds-archive"), "run bin/licensebot --cds-archive");
    }

    @Test
    void anUnknownOptionExitsTwoWithOneLine() {
        assertUsageError(run(append(CREATE, "--colour", "red")), "Unknown options: '--colour', 'red'");
    }

    @Test
    void aMissingOptionExitsTwoAndNamesIt() {
        assertUsageError(run("tenant", "link-slack", "--tenant", "t1"), "Missing required option: '--team=TEAM_ID'");
    }

    @Test
    void aLicenseCountThatIsNoNumberExitsTwo() {
        assertUsageError(run("tenant", "create", "--name", "Acme", "--timezone", "Europe/Berlin",
                "--session-licenses", "many", "--user-licenses", "5"), "'many' is not an int");
    }

    @Test
    void aBadDurationExitsTwoWithAnExample() {
        assertUsageError(run(append(CREATE, "--session-timeout", "half an hour")), "such as 45s, 30m or 2h");
    }

    @Test
    void aBadTimeZoneExitsTwoWithAnExample() {
        assertUsageError(run("tenant", "create", "--name", "Acme", "--timezone", "Mars/Olympus",
                "--session-licenses", "5", "--user-licenses", "5"),
                "\"Mars/Olympus\" is not an IANA time zone such as Europe/Berlin.");
    }

    @Test
    void anUnknownPoolOrRoleExitsTwoWithTheChoices() {
        assertUsageError(run("replenish", "--tenant", "t1", "--pool", "seats", "--delta", "+1"),
                "The pool must be session or user");
        assertUsageError(run("operator", "grant", "--tenant", "t1", "--email", "a@example.com", "--role", "boss"),
                "The role must be AGENT, SUPERVISOR, ACCOUNT_ADMIN or ADVANCED_ADMIN");
    }

    @Test
    void aGroupWithoutItsSubCommandNamesTheChoices() {
        assertUsageError(run("tenant"), "Missing sub-command: one of create, link-slack, link-teams");
    }

    @Test
    void aPortThatIsNoNumberExitsTwoBeforeAnythingStarts() {
        CliHarness.Result result = CliHarness.run(Map.of("PORT", "web"), TestClock.at(TestCore.DEFAULT_START),
                new CliHarness.StoppableLifetime(), UNUSED, "serve");
        assertUsageError(result, "PORT must be a number, not web");
    }

    @Test
    void anUnreachableDatabaseExitsOneNamingItWithoutATrace() {
        // Port 1 on the loopback refuses at once: nothing listens there.
        DbSettings nowhere = new DbSettings("jdbc:mariadb://127.0.0.1:1/licensebot?password=secret", "root", "");
        CliHarness.Result result = CliHarness.run(nowhere, TestClock.at(TestCore.DEFAULT_START),
                "tenant", "link-slack", "--tenant", "t1", "--team", "T1");

        assertEquals(1, result.exitCode(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().startsWith("licensebot: link-slack failed (MariaDB jdbc:mariadb://127.0.0.1:1/licensebot)"),
                result::toString);
        assertFalse(result.err().contains("secret"), result::toString);
    }

    @Test
    void helpGoesToStdoutAndExitsZero() {
        CliHarness.Result result = run("tenant", "create", "--help");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("--session-timeout"), result.out());
        assertEquals("", result.err());
    }

    private static CliHarness.Result run(String... args) {
        return CliHarness.run(UNUSED, TestClock.at(TestCore.DEFAULT_START), args);
    }

    private static void assertUsageError(CliHarness.Result result, String reason) {
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().startsWith("licensebot: "), result::toString);
        assertTrue(result.err().contains(reason), result::toString);
        assertFalse(result.err().contains("Exception"), result::toString);
        assertEquals("", result.out());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
