package dev.licensebot.server;

import dev.licensebot.core.DaemonThreads;
import dev.licensebot.core.alerts.Alerting;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * This node's part in the alerts: the periodic round (every watched tenant, then due deliveries
 * and digests) and, between rounds, the evaluation of the tenants whose pools just changed, on a
 * thread of its own so that no request waits for a chat platform.
 */
final class AlertRounds implements AutoCloseable {

    /** Resolutions, snoozes that end and other nodes' changes are seen at least this often. */
    static final Duration EVERY = Duration.ofSeconds(30);

    private final PeriodicTask rounds;
    private final ExecutorService changes;

    private AlertRounds(PeriodicTask rounds, ExecutorService changes) {
        this.rounds = rounds;
        this.changes = changes;
    }

    static AlertRounds start(Alerting alerting, Duration every) {
        ExecutorService changes = Executors.newSingleThreadExecutor(DaemonThreads.named("alert-changes"));
        alerting.evaluateChangesOn(changes);
        return new AlertRounds(PeriodicTask.start("alert-rounds", every, alerting::round), changes);
    }

    /** No rounds on this node. */
    static AlertRounds none() {
        return new AlertRounds(null, null);
    }

    @Override
    public void close() {
        if (rounds == null) {
            return;
        }
        rounds.close();
        changes.shutdownNow();
        try {
            changes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
