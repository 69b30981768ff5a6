package dev.licensebot.server.api;

import dev.licensebot.core.tenant.ApiKeys;
import dev.licensebot.core.tenant.Tenant;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * API key → tenant, remembered for {@link #TTL} on this node: every heartbeat used to start with a
 * lookup of its key (issue 7, B2). So a revoked key keeps working here for up to that long
 * (docs/operations.md). Only keys that were found are remembered, at most {@link #MAX_KEYS}: a
 * stream of wrong keys costs lookups, never memory.
 */
final class ApiKeyCache {

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_KEYS = 10_000;

    private record Entry(Tenant tenant, long expiresAtNanos) {
    }

    private final Function<String, Optional<Tenant>> lookup;
    private final LongSupplier nanoTime;
    /** By the key's hash, so the keys themselves are not kept in memory. */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** {@code lookup} finds a tenant by its API key; {@code nanoTime} is System::nanoTime but in tests. */
    ApiKeyCache(Function<String, Optional<Tenant>> lookup, LongSupplier nanoTime) {
        this.lookup = lookup;
        this.nanoTime = nanoTime;
    }

    Optional<Tenant> find(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(apiKey.trim());
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(hash);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.tenant());
        }
        Optional<Tenant> tenant = lookup.apply(apiKey);
        if (tenant.isPresent()) {
            makeRoom(now);
            entries.put(hash, new Entry(tenant.get(), now + TTL.toNanos()));
        } else if (entry != null) {
            entries.remove(hash, entry);
        }
        return tenant;
    }

    int size() {
        return entries.size();
    }

    /** Drops expired keys when full; if all are fresh (more live keys than the bound), starts over. */
    private void makeRoom(long now) {
        if (entries.size() < MAX_KEYS) {
            return;
        }
        entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
        if (entries.size() >= MAX_KEYS) {
            entries.clear();
        }
    }
}
