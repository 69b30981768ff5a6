package dev.licensebot.core.metrics;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.tenant.Pool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the core counts, where it happens, once: on whatever registry the host hands in (the
 * server's Prometheus registry, an in-memory one in tests and the CLI). Every tag value comes
 * from a closed set (enums, refusal codes, the adapters' own action names), never from input,
 * so the number of time series stays bounded. Tenants are not a tag: their number grows.
 */
public final class LicenseMetrics {

    public static final String ALLOCATED = "licensebot.licenses.allocated";
    public static final String DENIED = "licensebot.licenses.denied";
    public static final String SESSIONS_ACTIVE = "licensebot.sessions.active";
    public static final String SESSIONS_CLOSED = "licensebot.sessions.closed";
    public static final String CONFIRMATIONS = "licensebot.confirmations";
    public static final String INTERACTIONS = "licensebot.chat.interactions";

    /** How a chat interaction ended for the person. */
    public enum Outcome { ANSWERED, REFUSED, FAILED, DROPPED }

    private final MeterRegistry registry;

    public LicenseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void allocated(Pool pool) {
        counter(ALLOCATED, "Licenses taken by a new session or an activated user", "pool", pool.label()).increment();
    }

    public void denied(Pool pool) {
        counter(DENIED, "Allocations refused because the pool was full", "pool", pool.label()).increment();
    }

    public void sessionsClosed(EndReason reason, int count) {
        if (count > 0) {
            counter(SESSIONS_CLOSED, "Sessions closed, by why", "reason", lower(reason.name())).increment(count);
        }
    }

    /**
     * Open sessions across all tenants, read from the database at each scrape. Every node reports
     * the same cluster-wide number: aggregate with max, not sum.
     */
    public void activeSessions(Supplier<Number> openNow) {
        Gauge.builder(SESSIONS_ACTIVE, openNow).description("Sessions open now, all tenants (cluster-wide)")
                .strongReference(true).register(registry);
    }

    /** Runs a Confirm and counts it: confirmed, or refused with the refusal's code, or failed. */
    public <T> T confirming(ConfirmAction action, Supplier<T> confirm) {
        return counted(action, "confirmed", confirm);
    }

    /** Runs a Cancel and counts it the same way. */
    public void cancelling(ConfirmAction action, Runnable cancel) {
        counted(action, "cancelled", () -> {
            cancel.run();
            return null;
        });
    }

    public void interaction(Surface surface, String kind, Outcome outcome) {
        Counter.builder(INTERACTIONS).description("Slack and Teams interactions, by kind and how they ended")
                .tag("surface", lower(surface.name())).tag("kind", kind).tag("outcome", lower(outcome.name()))
                .register(registry).increment();
    }

    private <T> T counted(ConfirmAction action, String done, Supplier<T> work) {
        try {
            T result = work.get();
            confirmation(action, done, "none");
            return result;
        } catch (Refusal refusal) {
            confirmation(action, "refused", refusal.code());
            throw refusal;
        } catch (RuntimeException e) {
            confirmation(action, "failed", "error");
            throw e;
        }
    }

    private void confirmation(ConfirmAction action, String outcome, String reason) {
        Counter.builder(CONFIRMATIONS).description("Confirm and Cancel presses, by outcome")
                .tag("action", lower(action.name())).tag("outcome", outcome).tag("reason", reason)
                .register(registry).increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
