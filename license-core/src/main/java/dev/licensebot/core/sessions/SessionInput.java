package dev.licensebot.core.sessions;

import dev.licensebot.core.Input;
import dev.licensebot.core.Refusal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what the platform sent before anything is written; each refusal names the field. */
final class SessionInput {

    static final int MAX_INTERACTIONS = 200;
    static final int MAX_INSTANCES = 100_000;
    static final int MAX_CONVERSATIONS = 1_000_000_000;
    /** Older than any contact centre's records; also keeps dates inside what DATETIME stores. */
    static final Instant EARLIEST_IMPORT = Instant.parse("2000-01-01T00:00:00Z");

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final char[] ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionInput() {
    }

    /** Ten characters nobody confuses when typing `terminate …`. */
    static String newSessionId() {
        StringBuilder id = new StringBuilder("s-");
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    static String sessionId(String id) {
        if (id == null || !SESSION_ID.matcher(id).matches()) {
            throw Refusal.invalid("sessionId",
                    "A session id is 1 to 64 letters, digits or . _ : - characters.");
        }
        return id;
    }

    static String text(String field, String value, int max) {
        return Input.optionalText(field, value, max);
    }

    static Integer conversations(Integer value) {
        return Input.optionalCount("conversations", value, MAX_CONVERSATIONS);
    }

    /** Same-named interactions are merged; empty ones dropped. */
    static List<OpenInteraction> interactions(List<OpenInteraction> given) {
        if (given.size() > MAX_INTERACTIONS) {
            throw Refusal.invalid("openInteractions", "At most " + MAX_INTERACTIONS + " open interactions.");
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (OpenInteraction interaction : given) {
            if (interaction == null) {
                throw Refusal.invalid("openInteractions", "An open interaction needs a name and instances.");
            }
            String name = text("openInteractions.name", interaction.name(), 200);
            if (name == null) {
                throw Refusal.invalid("openInteractions", "Every open interaction needs a name.");
            }
            if (interaction.instances() < 0 || interaction.instances() > MAX_INSTANCES) {
                throw Refusal.invalid("openInteractions",
                        "instances must be between 0 and " + MAX_INSTANCES + ".");
            }
            merged.merge(name, interaction.instances(), Integer::sum);
        }
        return merged.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new OpenInteraction(e.getKey(), Math.min(e.getValue(), MAX_INSTANCES)))
                .toList();
    }

    static int count(List<OpenInteraction> interactions) {
        return interactions.stream().mapToInt(OpenInteraction::instances).sum();
    }

    /** Imports are for sessions that are over: both ends, in order, not in the future. */
    static void importSpan(Instant startedAt, Instant endedAt, Instant now) {
        if (startedAt == null) {
            throw Refusal.invalid("startedAt", "An imported session needs startedAt as well as endedAt.");
        }
        if (endedAt == null) {
            throw Refusal.invalid("endedAt",
                    "startedAt is only for importing closed sessions: give endedAt too, or neither for a live session.");
        }
        if (startedAt.isBefore(EARLIEST_IMPORT)) {
            throw Refusal.invalid("startedAt", "startedAt must be in the year 2000 or later.");
        }
        if (!endedAt.isAfter(startedAt)) {
            throw Refusal.invalid("endedAt", "endedAt must be after startedAt.");
        }
        if (endedAt.isAfter(now)) {
            throw Refusal.invalid("endedAt", "endedAt may not be in the future.");
        }
    }
}
