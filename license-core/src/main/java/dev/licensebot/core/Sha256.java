package dev.licensebot.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with one MessageDigest per thread: {@code MessageDigest.getInstance} looks the algorithm
 * up among the security providers on every call, which cost more than the digest itself on every
 * heartbeat (an API key and the open interactions are hashed each time; issue 7, B2).
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    public static byte[] digest(byte[] input) {
        // digest() resets the instance, so the next caller on this thread starts clean.
        return DIGEST.get().digest(input);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
