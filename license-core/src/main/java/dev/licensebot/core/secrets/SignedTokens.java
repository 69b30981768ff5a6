package dev.licensebot.core.secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * A payload with its HMAC-SHA256, for links handed out of the server (install links): whoever
 * changes a byte of it, or makes one up, is refused without a database read. The key is derived
 * from {@link SecretBox}'s key per purpose, so every node that shares LICENSEBOT_SECRETS_KEY checks
 * the links every other node (or the CLI) made.
 */
public final class SignedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    public SignedTokens(byte[] key) {
        this.key = key.clone();
    }

    /** {@code payload} must be URL-safe and hold no '~'. */
    public String sign(String payload) {
        if (payload.indexOf('~') >= 0) {
            throw new IllegalArgumentException("A signed payload holds no '~'");
        }
        return payload + "~" + URL.encodeToString(mac(payload));
    }

    /** The payload of an untouched token made with this key; empty for anything else. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int cut = token.lastIndexOf('~');
        if (cut <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, cut);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(cut + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(mac(payload), given) ? Optional.of(payload) : Optional.empty();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
