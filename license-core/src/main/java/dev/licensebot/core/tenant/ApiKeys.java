package dev.licensebot.core.tenant;

import dev.licensebot.core.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys are 256 random bits shown once; only their SHA-256 is stored. A slow hash buys nothing
 * against keys with that much entropy, and a plain digest can be looked up by index.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String apiKey) {
        return HexFormat.of().formatHex(Sha256.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    }
}
