package dev.licensebot.slack.blocks;

import java.util.ArrayList;
import java.util.List;

/** Making text safe and short enough for Block Kit. */
public final class Text {

    /** The longest text of a section, a context element or a markdown text object. */
    public static final int MAX_TEXT = 3000;

    private Text() {
    }

    /** Slack reads &, < and > as markup: names and reasons come from people and must not be. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Escaped, and then at most {@code max} characters (an ellipsis where it was cut), never cutting
     * an escape in half: for fields with a length limit of their own.
     */
    public static String escapeCut(String text, int max) {
        String escaped = escape(text);
        if (escaped.length() <= max) {
            return escaped;
        }
        StringBuilder cut = new StringBuilder();
        for (char c : text.toCharArray()) {
            String one = escape(String.valueOf(c));
            if (cut.length() + one.length() > max - 1) {
                break;
            }
            cut.append(one);
        }
        return cut.append('…').toString();
    }

    /** At most {@code max} characters, with an ellipsis where it was cut. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Lines joined into as few texts as fit {@link #MAX_TEXT} each, never splitting a line. */
    public static List<String> chunks(List<String> lines) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String safe = cut(line, MAX_TEXT);
            if (current.length() > 0 && current.length() + 1 + safe.length() > MAX_TEXT) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(safe);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** "1 session", "3 sessions". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
