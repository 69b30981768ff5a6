package dev.licensebot.server.ops;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds}: every request Javalin answered, timed, by method, route
 * and status. Each label has a fixed set of values, whatever a client sends, since every new value
 * is a new histogram kept until the process ends (issue 21: 23,000 made-up methods grew a scrape to
 * 22 MB). The method is one of HTTP's standard ones or {@code OTHER}; the route is the matched
 * template ({@code /api/v1/sessions/{id}}), never the raw path, and unmatched requests share one
 * route, {@code NOT_FOUND}; a status outside 100..599 counts as {@code OTHER}.
 */
public final class HttpMetrics {

    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "NOT_FOUND";
    static final String OTHER = "OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH", "QUERY");

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin's request logger: called once per request, after the response, with its duration. */
    public void record(Context ctx, Float executionMillis) {
        Timer.builder(NAME).description("HTTP requests, by route template and status")
                .tag("method", method(ctx))
                .tag("route", route(ctx))
                .tag("status", status(ctx))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static String method(Context ctx) {
        String method = ctx.method().name();
        return METHODS.contains(method) ? method : OTHER;
    }

    private static String status(Context ctx) {
        int status = ctx.statusCode();
        return status >= 100 && status <= 599 ? String.valueOf(status) : OTHER;
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
