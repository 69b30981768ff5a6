package dev.licensebot.core.tenant;

import dev.licensebot.core.Refusal;

import java.util.Locale;

/** The two kinds of license a tenant holds. */
public enum Pool {
    SESSION("session"), USER("user");

    private final String label;

    Pool(String label) {
        this.label = label;
    }

    /** Lower-case, singular: "session", "user". */
    public String label() {
        return label;
    }

    /** Accepts session/sessions/user/users in any case. */
    public static Pool parse(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        if (w.endsWith("s")) {
            w = w.substring(0, w.length() - 1);
        }
        for (Pool pool : values()) {
            if (pool.label.equals(w)) {
                return pool;
            }
        }
        throw Refusal.invalid("pool", "The pool must be session or user, not \"" + word + "\".");
    }
}
