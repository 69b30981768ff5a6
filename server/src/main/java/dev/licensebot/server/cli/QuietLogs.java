package dev.licensebot.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings and errors (or errors) only while a command runs whose output is its answer, not a server's log:
 * start-check's one result line and the console's conversation would otherwise be interleaved with
 * INFO lines (start-up summaries, the audit's lines in UTC) on the same terminal. Problems still
 * show; the audit itself is recorded in the database whatever the level. The level is restored
 * afterwards, so the same JVM (a test run) logs as before.
 */
final class QuietLogs implements AutoCloseable {

    private final Logger root;
    private final Level before;

    private QuietLogs(Level level) {
        this.root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.before = root.getLevel();
        root.setLevel(level);
    }

    static QuietLogs warningsOnly() {
        return new QuietLogs(Level.WARN);
    }

    /** For start-check: its server's warnings are about its own throwaway set-up, not this machine's. */
    static QuietLogs errorsOnly() {
        return new QuietLogs(Level.ERROR);
    }

    @Override
    public void close() {
        root.setLevel(before);
    }
}
