package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * When a pool runs full if its daily maxima keep rising as they did: a least-squares straight
 * line through the last {@link #WINDOW_DAYS} daily maxima, and the first day after the last one
 * on which that line reaches the total, if that is at most {@link #HORIZON_DAYS} days ahead.
 * Pure: it knows days and numbers, not where they come from, so the weekly digest and the
 * forecast alert ask the same question and get the same day (docs/alerts.md says how it is made).
 */
public final class Forecast {

    /** The line is fitted through at most this many of the most recent daily maxima. */
    public static final int WINDOW_DAYS = 30;
    /** A full pool further ahead than this is no forecast: too far for a straight line to mean much. */
    public static final int HORIZON_DAYS = 14;
    /** Fewer days than this say nothing about a trend: a new tenant's first busy days are not one. */
    public static final int MIN_DAYS = 7;

    private static final double ROUNDING = 1e-9;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private Forecast() {
    }

    /**
     * The day the trend reaches {@code total}, or empty: with fewer than {@link #MIN_DAYS} days,
     * a flat or falling trend, a pool whose last day or trend is already at the total (that is the
     * usage alert's business, not a forecast's), or a day beyond {@link #HORIZON_DAYS} after the
     * last day given. Days missing from {@code dailyMaxima} (before the history began) are simply
     * not points of the line; the days are placed by date, so a gap does not squeeze the slope.
     *
     * @param dailyMaxima each day's max, by day; only the last {@link #WINDOW_DAYS} entries count
     */
    public static Optional<LocalDate> fullAround(NavigableMap<LocalDate, Integer> dailyMaxima, int total) {
        List<Map.Entry<LocalDate, Integer>> points = new ArrayList<>(dailyMaxima.entrySet());
        points = points.subList(Math.max(0, points.size() - WINDOW_DAYS), points.size());
        if (points.size() < MIN_DAYS || total <= 0) {
            return Optional.empty();
        }
        LocalDate first = points.get(0).getKey();
        LocalDate last = points.get(points.size() - 1).getKey();
        Line line = Line.fit(points, first);
        double lastX = ChronoUnit.DAYS.between(first, last);
        if (line.slope() <= 0 || points.get(points.size() - 1).getValue() >= total || line.at(lastX) >= total) {
            return Optional.empty();
        }
        // The first whole day on which the line is at or above the total; the margin keeps a line
        // that meets the total exactly on a day from being pushed to the next by rounding.
        long daysAhead = (long) Math.ceil((total - line.intercept()) / line.slope() - lastX - ROUNDING);
        if (daysAhead > HORIZON_DAYS) {
            return Optional.empty();
        }
        return Optional.of(last.plusDays(Math.max(1, daysAhead)));
    }

    /** "At this trend the session pool is full around 21 Dec.": the one wording for every surface. */
    public static String sentence(Pool pool, LocalDate fullAround) {
        return "At this trend the " + pool.label() + " pool is full around " + DAY.format(fullAround) + ".";
    }

    /** y = intercept + slope · x, x in days since the first point. */
    private record Line(double intercept, double slope) {

        static Line fit(List<Map.Entry<LocalDate, Integer>> points, LocalDate first) {
            int n = points.size();
            double sumX = 0;
            double sumY = 0;
            for (Map.Entry<LocalDate, Integer> p : points) {
                sumX += ChronoUnit.DAYS.between(first, p.getKey());
                sumY += p.getValue();
            }
            double meanX = sumX / n;
            double meanY = sumY / n;
            double covariance = 0;
            double variance = 0;
            for (Map.Entry<LocalDate, Integer> p : points) {
                double dx = ChronoUnit.DAYS.between(first, p.getKey()) - meanX;
                covariance += dx * (p.getValue() - meanY);
                variance += dx * dx;
            }
            double slope = variance == 0 ? 0 : covariance / variance;
            return new Line(meanY - slope * meanX, slope);
        }

        double at(double x) {
            return intercept + slope * x;
        }
    }
}
