package dev.licensebot.core.paging;

import dev.licensebot.core.Refusal;

import java.util.Locale;

public enum SortOrder {
    ASC, DESC;

    public String sql() {
        return name();
    }

    public static SortOrder parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("order", "The order must be asc or desc, not \"" + word + "\".");
        }
    }
}
