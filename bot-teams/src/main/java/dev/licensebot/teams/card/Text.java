package dev.licensebot.teams.card;

/**
 * Text from the platform (names, reasons, interaction names) shown in cards: escaped so it cannot
 * turn into markdown links or formatting, and cut so one long value cannot push a card past
 * Teams' size limit.
 */
public final class Text {

    /**
     * Only what can make a link or emphasis: Teams' mobile clients show other escapes literally,
     * so dates and ordinary names stay untouched.
     */
    private static final String MARKDOWN = "\\`*_[]";

    private Text() {
    }

    /** Escaped and cut to at most {@code max} characters. */
    public static String plain(String text, int max) {
        return escape(cut(text, max));
    }

    public static String escape(String text) {
        return escape(text, MARKDOWN);
    }

    /**
     * A sentence of the core's, which may hold the names, ids and emails people typed or chose:
     * escaped like {@link #escape} but for backticks, which the core uses on purpose for commands
     * to copy (a backtick of someone's can at most start a code span: no link, no emphasis).
     */
    public static String sentence(String text) {
        return escape(text, MARKDOWN.replace("`", ""));
    }

    private static String escape(String text, String special) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (special.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return escaped.toString();
    }

    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** "1 session", "3 sessions". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
