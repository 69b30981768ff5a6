package dev.licensebot.server.api;

import dev.licensebot.core.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyCacheTest {

    private static final Tenant ACME = new Tenant("t-1", "Acme", ZoneId.of("UTC"), Duration.ofMinutes(30),
            Instant.parse("2026-03-10T08:00:00Z"));

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Map<String, Tenant> database = new ConcurrentHashMap<>(Map.of("key-1", ACME));
    private final List<String> lookups = new ArrayList<>();
    private final ApiKeyCache cache = new ApiKeyCache(key -> {
        lookups.add(key);
        return Optional.ofNullable(database.get(key));
    }, nanos::get);

    @Test
    void aKnownKeyIsLookedUpOnceWithinTheTtl() {
        assertEquals(Optional.of(ACME), cache.find("key-1"));
        nanos.addAndGet(ApiKeyCache.TTL.toNanos() - 1);
        assertEquals(Optional.of(ACME), cache.find(" key-1 "));

        assertEquals(List.of("key-1"), lookups);
    }

    @Test
    void aRevokedKeyStopsWorkingOnceTheTtlHasPassed() {
        cache.find("key-1");
        database.clear();
        nanos.addAndGet(ApiKeyCache.TTL.toNanos());

        assertEquals(Optional.empty(), cache.find("key-1"));
        assertEquals(0, cache.size(), "forgotten, not just refused");
    }

    @Test
    void wrongKeysAreAskedEveryTimeAndNeverRemembered() {
        cache.find("wrong");
        cache.find("wrong");
        cache.find("   ");

        assertEquals(List.of("wrong", "wrong"), lookups);
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheStaysBoundedHoweverManyKeysAreValid() {
        for (int i = 0; i < ApiKeyCache.MAX_KEYS + 50; i++) {
            database.put("k" + i, ACME);
            cache.find("k" + i);
        }

        assertTrue(cache.size() <= ApiKeyCache.MAX_KEYS, "size " + cache.size());
    }
}
