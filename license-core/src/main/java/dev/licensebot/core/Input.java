package dev.licensebot.core;

/** Checks shared by every use case that takes free text from the platform. */
public final class Input {

    private Input() {
    }

    /**
     * Text without the whitespace around it, null when blank, refused when longer than {@code max}
     * or when it holds a character that is not {@link #plain plain}.
     */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // strip, not trim: trim also drops a trailing NUL or escape code, which must be refused.
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw Refusal.invalid(field, field + " may be at most " + max + " characters long.");
        }
        return plain(field, trimmed);
    }

    /**
     * Refuses control characters (NUL, line breaks, escape codes) and the bidirectional overrides
     * and isolates (U+202A–U+202E, U+2066–U+2069) in a name: they hide text, break lines in tables
     * and chat messages, or show a name reversed ("\u202Enimda" reads "admin"). Refused rather than
     * stripped, so what is stored is what was sent.
     */
    public static String plain(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw Refusal.invalid(field, field + " may not contain control characters (such as NUL or a line "
                        + "break) or text-direction overrides (U+202A to U+202E, U+2066 to U+2069).");
            }
        }
        return value;
    }

    /** A count the platform reports (conversations): null stays null, otherwise 0..max. */
    public static Integer optionalCount(String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw Refusal.invalid(field, field + " must be between 0 and " + max + ".");
        }
        return value;
    }
}
