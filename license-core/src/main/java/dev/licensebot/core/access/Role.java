package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;

import java.util.Locale;

/** Ordered: each role may do everything the ones before it may. */
public enum Role {
    AGENT, SUPERVISOR, ACCOUNT_ADMIN, ADVANCED_ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** "account admin", for sentences. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "an account admin", "a supervisor". */
    public String withArticle() {
        return ("aeiou".indexOf(label().charAt(0)) >= 0 ? "an " : "a ") + label();
    }

    public static Role parse(String word) {
        String w = word == null ? "" : word.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(w);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("role",
                    "The role must be AGENT, SUPERVISOR, ACCOUNT_ADMIN or ADVANCED_ADMIN, not \"" + word + "\".");
        }
    }
}
