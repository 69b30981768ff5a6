package dev.licensebot.core.alerts;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.tenant.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The usage levels of one pool that open and escalate an incident, as ascending percentages of the
 * pool's total. The defaults are what admins of comparable tools set first; an advanced admin may
 * change them per pool.
 */
public record AlertLevels(Pool pool, List<Integer> percents) {

    public static final List<Integer> DEFAULTS = List.of(80, 90, 100);
    private static final int MAX_LEVELS = 5;

    public AlertLevels {
        percents = List.copyOf(percents);
    }

    public static AlertLevels defaults(Pool pool) {
        return new AlertLevels(pool, DEFAULTS);
    }

    /** "85,95,100" or "85 95 100" as typed; refused in the asker's words when not usable. */
    public static AlertLevels parse(Pool pool, String typed) {
        String text = typed == null ? "" : typed.trim();
        List<Integer> percents = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String digits = part.endsWith("%") ? part.substring(0, part.length() - 1) : part;
            if (!digits.matches("\\d{1,3}")) {
                throw refused(typed);
            }
            percents.add(Integer.parseInt(digits));
        }
        return checked(pool, percents, typed);
    }

    private static AlertLevels checked(Pool pool, List<Integer> percents, String typed) {
        if (percents.isEmpty() || percents.size() > MAX_LEVELS) {
            throw refused(typed);
        }
        for (int i = 0; i < percents.size(); i++) {
            int p = percents.get(i);
            if (p < 1 || p > 100 || (i > 0 && p <= percents.get(i - 1))) {
                throw refused(typed);
            }
        }
        return new AlertLevels(pool, percents);
    }

    private static Refusal refused(String typed) {
        return Refusal.invalid("levels", "Alert levels are one to " + MAX_LEVELS
                + " ascending percentages from 1 to 100, such as 80,90,100, not \"" + typed + "\".");
    }

    /** The lowest level: under it for the quiet period, an incident is resolved. */
    public int lowest() {
        return percents.get(0);
    }

    /**
     * The highest level that {@code inUse} of {@code total} reaches, or 0 under all of them. An empty
     * pool with anything in use is over every level.
     */
    public int reachedBy(int inUse, int total) {
        int reached = 0;
        for (int percent : percents) {
            boolean over = total <= 0 ? inUse > 0 : (long) inUse * 100 >= (long) percent * total;
            if (over) {
                reached = percent;
            }
        }
        return reached;
    }

    /** "80,90,100", as stored. */
    public String stored() {
        return percents.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** "80 / 90 / 100 %". */
    public String shown() {
        return percents.stream().map(String::valueOf).collect(Collectors.joining(" / ")) + " %";
    }
}
