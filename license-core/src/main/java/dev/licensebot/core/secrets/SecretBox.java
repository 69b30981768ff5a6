package dev.licensebot.core.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets kept in the database (Slack tokens) with AES-256-GCM from the JDK: a fresh 96-bit
 * nonce per value, so equal secrets never look alike, and the tag refuses a value sealed under
 * another key or altered in the database. {@code purpose} is bound as associated data, so a value
 * sealed for one use cannot be moved to another column and opened there. The key is never logged:
 * {@link #toString()} does not show it.
 */
public final class SecretBox {

    /** The environment variable that holds the key: 32 random bytes in base64. */
    public static final String KEY_VARIABLE = "LICENSEBOT_SECRETS_KEY";
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The box of a key written as base64 of 32 bytes ({@code openssl rand -base64 32}). Throws
     * IllegalArgumentException with a one-line message (never the key) when it is missing or malformed.
     */
    public static SecretBox ofBase64Key(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is required: 32 random bytes in base64 "
                    + "(openssl rand -base64 32).");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not base64; make one with openssl rand -base64 32.");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(KEY_VARIABLE + " must be 32 bytes in base64 (it is " + key.length
                    + "); make one with openssl rand -base64 32.");
        }
        return new SecretBox(key);
    }

    /** {@code plain} sealed for {@code purpose}: printable, and never the same twice. */
    public String seal(String purpose, String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Throws {@link WrongKey} when the value was sealed under another key or purpose, or altered. */
    public String open(String purpose, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new WrongKey("not a sealed value");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongKey("not a sealed value");
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new WrongKey("not a sealed value");
        }
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, purpose);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongKey(KEY_VARIABLE + " does not open this value: another key sealed it, or it was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** A key of its own for {@code purpose} (HMAC-SHA256 of it under this key): the key itself is used only to seal. */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("licensebot " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM]";
    }

    /** A sealed value this key cannot open. */
    public static final class WrongKey extends RuntimeException {
        public WrongKey(String message) {
            super(message);
        }
    }
}
