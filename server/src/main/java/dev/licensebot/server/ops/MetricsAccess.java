package dev.licensebot.server.ops;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may scrape {@code GET /metrics}: anyone who reaches it (the default, as Prometheus expects,
 * for servers whose network already keeps it private), or, with METRICS_TOKEN set, only a scraper
 * that sends "Authorization: Bearer &lt;token&gt;" (Prometheus' {@code authorization} setting), for
 * servers whose port the public internet can reach. The token never shows in toString.
 */
public record MetricsAccess(String token) {

    public static MetricsAccess open() {
        return new MetricsAccess(null);
    }

    public static MetricsAccess fromEnvironment(Map<String, String> env) {
        String token = env.get("METRICS_TOKEN");
        return new MetricsAccess(token == null || token.isBlank() ? null : token.trim());
    }

    public boolean protectedByToken() {
        return token != null;
    }

    /** Compared in constant time, so the answer's timing tells nothing of the token. */
    boolean admits(Context ctx) {
        if (token == null) {
            return true;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "MetricsAccess[" + (token == null ? "open" : "bearer token") + "]";
    }
}
