package dev.licensebot.server.ops;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds}: every request Javalin answered, timed, by method, route
 * and status. The route is the matched template ({@code /api/v1/sessions/{id}}), never the raw
 * path, so ids and scanners' guesses cannot multiply the time series; unmatched requests share
 * one route, {@code NOT_FOUND}.
 */
public final class HttpMetrics {

    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "NOT_FOUND";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin's request logger: called once per request, after the response, with its duration. */
    public void record(Context ctx, Float executionMillis) {
        Timer.builder(NAME).description("HTTP requests, by route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
