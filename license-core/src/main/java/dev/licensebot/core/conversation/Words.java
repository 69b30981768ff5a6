package dev.licensebot.core.conversation;

import dev.licensebot.core.Refusal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a message, taken out as the parser recognises them, in any order. What is left
 * at the end is what nobody understood.
 */
final class Words {

    private final List<String> original;
    private final List<String> lower;
    private final Set<String> consumed = new HashSet<>();
    private int lastRemovedAt = -1;

    private Words(List<String> original) {
        this.original = new ArrayList<>(original);
        this.lower = new ArrayList<>(original.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    static Words of(String text) {
        String cleaned = text.replaceAll("[,;!]", " ").trim();
        return new Words(cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+")));
    }

    boolean isEmpty() {
        return original.isEmpty();
    }

    /** Removes the first of these words found anywhere; true if one was. */
    boolean takeAny(String... candidates) {
        for (String candidate : candidates) {
            int at = lower.indexOf(candidate);
            if (at >= 0) {
                remove(at);
                consumed.add(candidate);
                return true;
            }
        }
        return false;
    }

    /** Whether this word was already taken (e.g. "remove" decides the sign of a number). */
    boolean consumed(String word) {
        return consumed.contains(word);
    }

    /** Removes and returns the first word matching the pattern, or null. */
    String takeMatching(Pattern pattern) {
        for (int i = 0; i < original.size(); i++) {
            if (pattern.matcher(original.get(i)).matches()) {
                return remove(i);
            }
        }
        return null;
    }

    /**
     * The word right after the keyword just taken. Keywords are removed where they stood, so the
     * next value sits at the same index ("sorted by x" skips the "by"); callers pass the hint shown
     * when it is missing.
     */
    String next(String field, String hint) {
        int at = lastRemovedAt;
        if (at >= 0 && at + 1 < original.size() && lower.get(at).equals("by")) {
            remove(at);
        }
        if (at < 0 || at >= original.size()) {
            throw Refusal.invalid(field, hint);
        }
        return remove(at);
    }

    List<String> remainingOriginal() {
        return List.copyOf(original);
    }

    private String remove(int index) {
        lastRemovedAt = index;
        lower.remove(index);
        return original.remove(index);
    }
}
