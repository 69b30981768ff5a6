package dev.licensebot.core.sessions;

import dev.licensebot.core.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * A fingerprint of a session's open interactions, stored beside them: a heartbeat that repeats it
 * leaves session_interaction alone (issue 7, B2). SHA-256, so a different set never matches.
 */
final class InteractionsHash {

    /** The order session_interaction is read in (utf8mb4_bin: by code point), so answers look the same. */
    static final Comparator<OpenInteraction> BY_NAME = (a, b) -> compareCodePoints(a.name(), b.name());

    private InteractionsHash() {
    }

    /** {@code interactions} as SessionInput leaves them: names unique. */
    static String of(List<OpenInteraction> interactions) {
        StringBuilder canonical = new StringBuilder();
        for (OpenInteraction i : sorted(interactions)) {
            // Length-prefixed, so no name can imitate a separator.
            canonical.append(i.name().length()).append(':').append(i.name()).append('=').append(i.instances())
                    .append(';');
        }
        byte[] digest = Sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }

    static List<OpenInteraction> sorted(List<OpenInteraction> interactions) {
        return interactions.stream().sorted(BY_NAME).toList();
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }
}
