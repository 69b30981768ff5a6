package dev.licensebot.server;

import dev.licensebot.core.DaemonThreads;
import dev.licensebot.core.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job at a fixed rate on its own daemon thread. A failing run is logged and the next
 * one still happens: a scheduled executor would otherwise silently stop after the first throw.
 */
final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final ScheduledExecutorService executor;

    private PeriodicTask(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
    }

    static PeriodicTask start(String name, Duration every, Runnable job) {
        PeriodicTask task = new PeriodicTask(name);
        long millis = every.toMillis();
        task.executor.scheduleAtFixedRate(task.guarded(job), millis, millis, TimeUnit.MILLISECONDS);
        return task;
    }

    private Runnable guarded(Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (DatabaseUnavailable e) {
                // An outage is not a bug: one line, not a stack trace every interval.
                LOG.warn("{} skipped: the database cannot be reached ({}); it runs again at its next interval",
                        name, e.getCause() == null ? "no cause" : e.getCause().getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} failed; it runs again at its next interval", name, e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within 5 seconds", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
