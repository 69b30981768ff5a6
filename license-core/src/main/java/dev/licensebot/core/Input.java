package dev.licensebot.core;

/** Checks shared by every use case that takes free text from the platform. */
public final class Input {

    private Input() {
    }

    /** Trimmed text, null when blank, refused when longer than {@code max}. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw Refusal.invalid(field, field + " may be at most " + max + " characters long.");
        }
        return trimmed;
    }

    /** A count the platform reports (conversations): null stays null, otherwise 0..max. */
    public static Integer optionalCount(String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw Refusal.invalid(field, field + " must be between 0 and " + max + ".");
        }
        return value;
    }
}
