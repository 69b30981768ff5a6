package dev.licensebot.slack.chart;

import dev.licensebot.core.tenant.Pool;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed, expiring links to a tenant's usage graph. Slack fetches message images itself, without
 * our API key, so the link carries its own proof: an HMAC over tenant, pool and expiry. The key is
 * the same on every node (from configuration, see {@link dev.licensebot.slack.SlackSettings}), so
 * any node can serve a link another one made. Without a public URL there is nothing Slack could
 * fetch: {@link #link} is empty, and {@link UploadedCharts} hands Slack the picture instead.
 */
public final class ChartLinks {

    /** Served by the server, outside /api/v1 (whose Bearer key Slack does not have). */
    public static final String PATH = "/charts/usage.png";
    /** Long enough for a message read the next morning; the picture is drawn anew at each fetch. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    /** Nodes' clocks differ a little: a link made on one is in date on another. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final String publicUrl;
    private final byte[] key;
    private final Clock clock;

    /** {@code publicUrl} null: the server cannot be reached from Slack. */
    public ChartLinks(String publicUrl, byte[] key, Clock clock) {
        this.publicUrl = publicUrl == null ? null : withoutSlash(publicUrl);
        this.key = key.clone();
        this.clock = clock;
        if (this.key.length < 16) {
            throw new IllegalArgumentException("The chart link key must have at least 16 bytes");
        }
    }

    /** Whether Slack can fetch from this server at all (PUBLIC_URL is set). */
    public boolean reachable() {
        return publicUrl != null;
    }

    /** "https://bot.example/charts/usage.png?tenant=…&pool=session&expires=…&signature=…", when reachable. */
    public Optional<String> link(String tenantId, Pool pool) {
        if (publicUrl == null) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return Optional.of(publicUrl + PATH + "?tenant=" + encode(tenantId) + "&pool=" + pool.label()
                + "&expires=" + expires + "&signature=" + signature(tenantId, pool.label(), expires));
    }

    /**
     * Whether a request's parameters are a link this server made and still in date. Every part is
     * checked before any is trusted; a missing or malformed one is simply invalid.
     */
    public boolean valid(String tenantId, String pool, String expires, String signature) {
        if (tenantId == null || pool == null || expires == null || signature == null) {
            return false;
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        // Compared as seconds: no Instant holds every long (9223372036854775807 was a 500). A link
        // we made never expires later than a lifetime from now, so a later expiry was not ours.
        long now = clock.instant().getEpochSecond();
        if (expiresAt < now || expiresAt > now + LIFETIME.toSeconds() + CLOCK_SKEW.toSeconds()) {
            return false;
        }
        byte[] expected = signature(tenantId, pool, expiresAt).getBytes(StandardCharsets.US_ASCII);
        // Constant time, so the answer's timing tells nothing about how much of a guess was right.
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String tenantId, String pool, long expires) {
        // Newlines cannot occur in any part, so no two different links sign the same text.
        return HexFormat.of().formatHex(hmac(key, tenantId + "\n" + pool + "\n" + expires));
    }

    /** A key for these links only, derived from a secret every node already shares. */
    public static byte[] deriveKey(String sharedSecret) {
        return hmac(sharedSecret.getBytes(StandardCharsets.UTF_8), "licensebot usage chart links v1");
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String withoutSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
