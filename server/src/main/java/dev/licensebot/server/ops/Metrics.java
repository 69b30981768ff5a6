package dev.licensebot.server.ops;

import dev.licensebot.server.api.ErrorJson;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's metrics registry and {@code GET /metrics} in Prometheus' text format. It shows
 * counts, never tenants or people. Without METRICS_TOKEN it needs no credentials, like /healthz,
 * and the start-up summary warns to keep it off the public internet; with it, a scrape must bring
 * the token (see {@link MetricsAccess}).
 */
public final class Metrics {

    public static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private Metrics() {
    }

    /** A registry with the JVM's own figures bound, for the core and the HTTP timer to count into. */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public static void routes(RoutesConfig routes, PrometheusMeterRegistry registry, MetricsAccess access) {
        routes.get(PATH, ctx -> {
            if (!access.admits(ctx)) {
                ctx.status(401).header("WWW-Authenticate", "Bearer").json(ErrorJson.of("unauthorized",
                        "Send the metrics token as \"Authorization: Bearer <METRICS_TOKEN>\"."));
                return;
            }
            ctx.contentType(CONTENT_TYPE).result(registry.scrape());
        });
    }
}
