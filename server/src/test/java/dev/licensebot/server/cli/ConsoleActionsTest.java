package dev.licensebot.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionClosed;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.console.Console;

import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Terminate and replenish at the console: confirmed by typing, acting as the operator with their role. */
class ConsoleActionsTest {

    @OnBothDatabases
    void terminatingAsksThenClosesTheSessionAsThatOperatorOnYes(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        f.open("s-ann", "ann", new OpenInteraction("Chat", 2));

        CliHarness.Result result = f.typing("terminate s-ann\nyes\n");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> answers = ConsoleFixture.answers(result);
        String question = answers.get(1);
        assertTrue(question.startsWith("Terminate 1 session: ann (since 09:00)."), question);
        assertTrue(ConsoleFixture.sessionRows(question).get(0).matches("s-ann\\s+ann\\s+09:00 CET\\s+Chat ×2"),
                question);
        assertTrue(question.contains("Only account-admin@example.com can confirm this, until 09:10 CET."), question);
        assertTrue(question.contains("Type yes to confirm, anything else to cancel." + System.lineSeparator()
                + "confirm> "), question);
        assertTrue(result.out().contains("Terminated 1 session (ann). By account-admin@example.com. "
                + "At 2026-03-10 09:00 CET."), result::toString);

        AgentSession closed = f.t.core().sessionLicenses().require(f.tenant, "s-ann");
        assertEquals(EndReason.TERMINATED, closed.endReason());
        assertEquals(f.email, closed.terminatedBy());
        // What the REST heartbeat turns into 410 session_closed.
        SessionClosed gone = assertThrows(SessionClosed.class, () -> f.t.core().sessionLicenses()
                .reportActivity(f.tenant, "s-ann", new ActivityReport(List.of(), 1)));
        assertEquals(EndReason.TERMINATED, gone.reason());
        AuditEntry audited = f.t.core().audit().recent(f.tenant.id(), 1).get(0);
        assertEquals(List.of(f.email, Surface.CLI, "TERMINATE"),
                List.of(audited.actor(), audited.surface(), audited.action()));
        assertTrue(audited.outcome().startsWith("Terminated 1 session (ann)"), audited::toString);
    }

    @OnBothDatabases
    void theAuditsInfoLinesStayOutOfTheConversationWhileItIsStillRecorded(TestDatabase db) {
        ConsoleFixture f = annConnected(db, Role.ACCOUNT_ADMIN);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        logged.start();
        root.addAppender(logged);
        CliHarness.Result result;
        try {
            result = f.typing("terminate s-ann\nyes\n");
        } finally {
            root.detachAppender(logged);
        }

        assertTrue(result.out().contains("Terminated 1 session (ann)."), result::toString);
        List<String> shown = logged.list.stream().filter(e -> !e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), shown);
        assertEquals("TERMINATE", f.t.core().audit().recent(f.tenant.id(), 1).get(0).action());
        assertEquals(before, root.getLevel(), "the level is restored when the console ends");
    }

    @OnBothDatabases
    void answeringAnythingButYesCancelsAndTheSessionStaysOpen(TestDatabase db) {
        ConsoleFixture f = annConnected(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("terminate s-ann\nno\n");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("confirm> Cancelled: nothing was terminated."), result::toString);
        assertTrue(annStillConnected(f));
        assertEquals(List.of(f.email, Surface.CLI, "cancelled"), lastAudited(f));
    }

    @OnBothDatabases
    void theInputEndingWhileAConfirmationWaitsCancelsItAndExitsZero(TestDatabase db) {
        ConsoleFixture f = annConnected(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("terminate s-ann\n");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().strip().endsWith("Cancelled: nothing was terminated."), result::toString);
        assertTrue(annStillConnected(f));
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTerminateInOneLineAndTheRefusalIsAudited(TestDatabase db) {
        ConsoleFixture f = annConnected(db, Role.SUPERVISOR);

        CliHarness.Result result = f.typing("terminate s-ann\nyes\n");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> answers = ConsoleFixture.answers(result);
        assertEquals(1, answers.get(1).lines().count(), answers.get(1));
        assertTrue(answers.get(1).startsWith("Only an account admin or higher can terminate sessions; "
                + "you are a supervisor."), answers.get(1));
        // "yes" is just an unknown word then: no confirmation was waiting for it.
        assertTrue(answers.get(2).startsWith("I did not understand \"yes\"."), answers.get(2));
        assertTrue(annStillConnected(f));
        assertEquals(List.of(f.email, Surface.CLI, "refused: role SUPERVISOR"), lastAudited(f));
    }

    @OnBothDatabases
    void anAdvancedAdminReplenishesAfterConfirmingAndSeesTheNewTotal(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ADVANCED_ADMIN);

        CliHarness.Result result = f.typing("replenish +5 session PO 9\nyes\n");

        List<String> answers = ConsoleFixture.answers(result);
        assertTrue(answers.get(1).startsWith("Add 5 session licenses (20 → 25). Reason: PO 9."), answers.get(1));
        assertTrue(answers.get(1).endsWith("confirm> Added 5 session licenses; the total is now 25. By "
                + "advanced-admin@example.com."), answers.get(1));
        assertEquals(25, f.t.core().tenants().total(f.tenant.id(), Pool.SESSION));
    }

    @OnBothDatabases
    void anUnknownEmailIsPolitelyRefusedWithExitTwo(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = CliHarness.typing(db.settings(), f.t.clock(), "usage\n", "console",
                "--tenant", f.tenant.id(), "--as", "stranger@example.com");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(List.of("licensebot: Sorry, you do not have access to licensebot for this account. "
                + "Ask account-admin@example.com to grant you access."), result.errLines());
        assertEquals("", result.out());
    }

    @OnBothDatabases
    void theEndOfInputLeavesWithExitZero(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);

        CliHarness.Result result = f.typing("");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("licensebot console: tenant \"" + f.tenant.name() + "\" ("
                + f.tenant.id() + ") as account-admin@example.com, an account admin."), result::toString);
        assertEquals("", result.err());
    }

    @OnBothDatabases
    void aRoleLoweredWhileAConfirmationWaitsIsCheckedAgainOnYes(TestDatabase db) throws IOException {
        ConsoleFixture f = annConnected(db, Role.ACCOUNT_ADMIN);
        Actor admin = f.t.core().operators().resolve(f.tenant.id(), f.email, Surface.CLI);
        // Another operator lowers the role just as "yes" is typed.
        BufferedReader typed = new BufferedReader(new StringReader("terminate s-ann\nyes\n")) {
            private int lines;

            @Override
            public String readLine() throws IOException {
                if (++lines == 2) {
                    f.t.core().operators().grant(Actor.cli(f.tenant.id()), f.email, Role.SUPERVISOR);
                }
                return super.readLine();
            }
        };
        StringWriter out = new StringWriter();

        new Console(f.user(admin), typed, new PrintWriter(out), f.t.clock()).run();

        assertTrue(out.toString().contains("confirm> Only an account admin or higher can terminate sessions; "
                + "you are a supervisor."), out::toString);
        assertTrue(annStillConnected(f));
    }

    @OnBothDatabases
    void aConfirmationUsedInSlackWhileTheConsoleWaitedSaysWhoConfirmedItWhereAndWhen(TestDatabase db) throws IOException {
        ConsoleFixture f = annConnected(db, Role.ACCOUNT_ADMIN);
        Actor admin = f.t.core().operators().resolve(f.tenant.id(), f.email, Surface.CLI);
        Actor inSlack = new Actor(f.tenant.id(), admin.name(), admin.role(), Surface.SLACK);
        // The same person presses Confirm in Slack just as "yes" is typed here.
        BufferedReader typed = new BufferedReader(new StringReader("terminate s-ann\nyes\n")) {
            private int lines;

            @Override
            public String readLine() throws IOException {
                if (++lines == 2) {
                    String pending = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT id FROM confirmation WHERE tenant_id = :tenant AND used_at IS NULL")
                            .bind("tenant", f.tenant.id()).mapTo(String.class).one());
                    f.t.core().terminations().confirm(f.tenant, inSlack, pending);
                }
                return super.readLine();
            }
        };
        StringWriter out = new StringWriter();

        new Console(f.user(admin), typed, new PrintWriter(out), f.t.clock()).run();

        assertTrue(out.toString().contains("confirm> This was already confirmed by " + f.email
                + " in Slack at 09:00 CET. Nothing more was done."), out::toString);
    }

    /** Who the last audit entry names, from where, and what came of it. */
    private static List<Object> lastAudited(ConsoleFixture f) {
        AuditEntry audited = f.t.core().audit().recent(f.tenant.id(), 1).get(0);
        return List.of(audited.actor(), audited.surface(), audited.outcome());
    }

    /** An operator with this role, and ann connected with session s-ann. */
    private static ConsoleFixture annConnected(TestDatabase db, Role role) {
        ConsoleFixture f = ConsoleFixture.as(db, role);
        f.open("s-ann", "ann");
        return f;
    }

    private static boolean annStillConnected(ConsoleFixture f) {
        return f.t.core().sessionLicenses().require(f.tenant, "s-ann").isOpen();
    }
}
