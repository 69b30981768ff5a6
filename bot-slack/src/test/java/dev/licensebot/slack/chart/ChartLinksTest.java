package dev.licensebot.slack.chart;

import dev.licensebot.core.tenant.Pool;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-09T10:00:00Z");
    private static final byte[] KEY = ChartLinks.deriveKey("shared-by-every-node");

    private static ChartLinks at(Instant now, byte[] key) {
        return new ChartLinks("https://bot.example/", key, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Map<String, String> query(String link) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return params;
    }

    private static boolean valid(ChartLinks links, Map<String, String> p) {
        return links.valid(p.get("tenant"), p.get("pool"), p.get("expires"), p.get("signature"));
    }

    @Test
    void aLinkPointsAtThePublicUrlAndAnyNodeWithTheSameKeyAcceptsIt() {
        String link = at(NOW, KEY).link("tenant-1", Pool.SESSION).orElseThrow();

        assertTrue(link.startsWith("https://bot.example/charts/usage.png?tenant=tenant-1&pool=session&expires="));
        assertTrue(valid(at(NOW.plusSeconds(3600), ChartLinks.deriveKey("shared-by-every-node")), query(link)));
    }

    @Test
    void aWrongSignatureOrAnotherTenantOrPoolIsRefused() {
        Map<String, String> p = query(at(NOW, KEY).link("tenant-1", Pool.SESSION).orElseThrow());
        ChartLinks links = at(NOW, KEY);

        Map<String, String> forged = new HashMap<>(p);
        forged.put("signature", "0" + p.get("signature").substring(1).replace('0', '1'));
        assertFalse(valid(links, forged));
        assertFalse(links.valid("tenant-2", p.get("pool"), p.get("expires"), p.get("signature")));
        assertFalse(links.valid(p.get("tenant"), "user", p.get("expires"), p.get("signature")));
        assertFalse(links.valid(p.get("tenant"), p.get("pool"), String.valueOf(Long.parseLong(p.get("expires")) + 1),
                p.get("signature")), "a later expiry is not signed");
        assertFalse(valid(at(NOW, ChartLinks.deriveKey("another-secret")), p), "another key");
        assertFalse(links.valid(p.get("tenant"), p.get("pool"), "soon", p.get("signature")));
        assertFalse(links.valid(p.get("tenant"), p.get("pool"), p.get("expires"), null));
    }

    @Test
    void anExpiryNoInstantCanHoldIsRefusedNotThrown() {
        ChartLinks links = at(NOW, KEY);
        for (long expires : new long[]{Long.MAX_VALUE, Long.MIN_VALUE, 31_556_889_864_403_200L, -31_557_014_167_219_201L}) {
            assertFalse(links.valid("tenant-1", "session", String.valueOf(expires), "00"), String.valueOf(expires));
        }
    }

    @Test
    void aSignedLinkExpiringFurtherAheadThanALifetimeWasNotMadeByUsInTimeAndIsRefused() {
        Map<String, String> fromTheFuture = query(at(NOW.plus(ChartLinks.LIFETIME.multipliedBy(2)), KEY)
                .link("tenant-1", Pool.SESSION).orElseThrow());
        Map<String, String> fromASlowClock = query(at(NOW.plusSeconds(120), KEY).link("tenant-1", Pool.SESSION)
                .orElseThrow());

        assertFalse(valid(at(NOW, KEY), fromTheFuture));
        assertTrue(valid(at(NOW, KEY), fromASlowClock), "a node a little ahead still made a good link");
    }

    @Test
    void anExpiredLinkIsRefused() {
        Map<String, String> p = query(at(NOW, KEY).link("tenant-1", Pool.USER).orElseThrow());

        assertTrue(valid(at(NOW.plus(ChartLinks.LIFETIME), KEY), p), "valid up to its expiry");
        assertFalse(valid(at(NOW.plus(ChartLinks.LIFETIME).plusSeconds(1), KEY), p));
    }

    @Test
    void withoutAPublicUrlThereIsNoLink() {
        ChartLinks links = new ChartLinks(null, KEY, Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(java.util.Optional.empty(), links.link("tenant-1", Pool.SESSION));
    }
}
