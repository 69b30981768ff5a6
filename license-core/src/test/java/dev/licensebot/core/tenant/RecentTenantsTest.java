package dev.licensebot.core.tenant;

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

class RecentTenantsTest {

    private static final Tenant ACME = new Tenant("t-1", "Acme", ZoneId.of("UTC"), Duration.ofMinutes(30),
            Instant.parse("2026-03-10T08:00:00Z"));
    private static final Tenant GLOBEX = new Tenant("t-2", "Globex", ZoneId.of("UTC"), Duration.ofMinutes(30),
            Instant.parse("2026-03-10T08:00:00Z"));

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Map<String, Tenant> database = new ConcurrentHashMap<>(Map.of("key-1", ACME));
    private final List<String> lookups = new ArrayList<>();
    private final RecentTenants recent = new RecentTenants(nanos::get);

    private Optional<Tenant> find(String key) {
        return recent.find(key, () -> {
            lookups.add(key);
            return Optional.ofNullable(database.get(key));
        });
    }

    @Test
    void aFoundTenantIsLookedUpOnceWithinTheTtl() {
        assertEquals(Optional.of(ACME), find("key-1"));
        nanos.addAndGet(RecentTenants.TTL.toNanos() - 1);

        assertEquals(Optional.of(ACME), find("key-1"));
        assertEquals(List.of("key-1"), lookups);
    }

    @Test
    void aKeyRemovedFromTheDatabaseStopsWorkingOnceTheTtlHasPassed() {
        find("key-1");
        database.clear();
        nanos.addAndGet(RecentTenants.TTL.toNanos());

        assertEquals(Optional.empty(), find("key-1"));
        assertEquals(0, recent.size(), "forgotten, not just refused");
    }

    @Test
    void aKeyMovedToAnotherTenantIsFoundThereOnceTheTtlHasPassed() {
        find("key-1");
        database.put("key-1", GLOBEX);

        assertEquals(Optional.of(ACME), find("key-1"), "remembered within the TTL");
        nanos.addAndGet(RecentTenants.TTL.toNanos());
        assertEquals(Optional.of(GLOBEX), find("key-1"));
    }

    @Test
    void aForgottenKeyIsLookedUpAgainAtOnce() {
        find("key-1");
        database.put("key-1", GLOBEX);
        recent.forget("key-1");

        assertEquals(Optional.of(GLOBEX), find("key-1"));
        assertEquals(List.of("key-1", "key-1"), lookups);
    }

    @Test
    void keysNotFoundAreAskedEveryTimeAndNeverRemembered() {
        find("wrong");
        find("wrong");

        assertEquals(List.of("wrong", "wrong"), lookups);
        assertEquals(0, recent.size());
    }

    @Test
    void itStaysBoundedHoweverManyKeysAreFound() {
        for (int i = 0; i < RecentTenants.MAX_KEYS + 50; i++) {
            database.put("k" + i, ACME);
            find("k" + i);
        }

        assertTrue(recent.size() <= RecentTenants.MAX_KEYS, "size " + recent.size());
    }
}
