package dev.licensebot.core.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tenants found by a key that names them (a REST API key's hash, a linked chat workspace),
 * remembered on this node for {@link #TTL}: every heartbeat and every chat request starts with such a
 * lookup (issue 7, B2 and B3). A change made on another node, or by the CLI, counts here within TTL;
 * one made through this node's {@link Tenants} at once. Only tenants that were found are remembered,
 * at most {@link #MAX_KEYS}: a stream of wrong keys costs lookups, never memory.
 */
public final class RecentTenants {

    public static final Duration TTL = Duration.ofSeconds(5);
    public static final int MAX_KEYS = 10_000;

    private final Cache<String, Tenant> found;

    public RecentTenants() {
        this(Ticker.systemTicker());
    }

    /** {@code ticker}: the system's, but in tests. */
    public RecentTenants(Ticker ticker) {
        this.found = Caffeine.newBuilder()
                .expireAfterWrite(TTL)
                .maximumSize(MAX_KEYS)
                .ticker(ticker)
                // Evictions run on the caller's thread: a few map entries need no background pool.
                .executor(Runnable::run)
                .build();
    }

    /**
     * The tenant remembered for {@code key}, else {@code lookup}'s, remembered if found. Two
     * requests missing at once both look up: cheaper than making one wait for the other.
     */
    public Optional<Tenant> find(String key, Supplier<Optional<Tenant>> lookup) {
        Tenant known = found.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Tenant> tenant = lookup.get();
        tenant.ifPresent(t -> found.put(key, t));
        return tenant;
    }

    /** After a change made here, so this node does not answer from before it. */
    public void forget(String key) {
        found.invalidate(key);
    }

    /** How many keys are remembered, expired ones dropped first. */
    public long size() {
        found.cleanUp();
        return found.estimatedSize();
    }
}
