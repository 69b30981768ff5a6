package dev.licensebot.core.usage;

import java.util.List;

/**
 * The usage graph as one line of text, for every surface that cannot or did not show the picture
 * (notifications, screen readers, clients without images): one block character per day.
 */
public final class Sparkline {

    static final String LEVELS = "▁▂▃▄▅▆▇█";

    private Sparkline() {
    }

    /**
     * Scaled to the highest value, so the shape shows even when the pool is far from full. A day
     * with anything at all never looks like an empty one; only the highest days reach the top.
     */
    public static String of(List<Integer> values) {
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder line = new StringBuilder(values.size());
        for (int value : values) {
            line.append(LEVELS.charAt(level(value, max)));
        }
        return line.toString();
    }

    /** The trend's daily maxima, oldest first. */
    public static String of(UsageTrend trend) {
        return of(trend.dailyMaxima());
    }

    static int level(int value, int max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        int top = LEVELS.length() - 1;
        return (int) Math.max(1, Math.round((double) value * top / max));
    }
}
