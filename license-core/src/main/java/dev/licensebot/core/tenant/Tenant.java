package dev.licensebot.core.tenant;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** An account: everything it owns is invisible to every other tenant. */
public record Tenant(String id, String name, ZoneId zone, Duration sessionTimeout, Instant createdAt) {

    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
}
