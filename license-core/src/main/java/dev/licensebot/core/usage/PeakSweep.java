package dev.licensebot.core.usage;

import dev.licensebot.core.usage.TenantDays.DaySpan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most licenses held at once on each of some days, by one sweep over start and end events.
 * The level only rises at a start, so a day's maximum is either its level at the day's first
 * instant (licenses carried over from earlier days) or its level just after a start within it.
 */
final class PeakSweep {

    /** Ends sort before starts at the same instant: intervals are half-open, so they never overlap there. */
    private static final Comparator<Event> ORDER =
            Comparator.comparing(Event::at).thenComparingInt(Event::delta);

    private PeakSweep() {
    }

    /**
     * Each day's peak. {@code days} must be in ascending order; {@code intervals} must include every
     * interval that overlaps any of them (others are harmless) and may come in any order.
     */
    static Map<LocalDate, Integer> peaks(List<Interval> intervals, List<DaySpan> days) {
        int[] peaks = spanPeaks(intervals, days.stream().map(d -> new Span(d.start(), d.end())).toList());
        Map<LocalDate, Integer> byDay = new LinkedHashMap<>();
        for (int i = 0; i < peaks.length; i++) {
            byDay.put(days.get(i).day(), peaks[i]);
        }
        return byDay;
    }

    /**
     * The peak of each span, in the spans' order. Spans must be ascending and must not overlap;
     * the same rules apply to {@code intervals} as for days.
     */
    static int[] spanPeaks(List<Interval> intervals, List<Span> spans) {
        List<Event> events = events(intervals);
        int[] peaks = new int[spans.size()];
        int next = 0;
        int level = 0;
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            for (; next < events.size() && !events.get(next).at().isAfter(span.start()); next++) {
                level += events.get(next).delta();
            }
            int peak = level;
            for (; next < events.size() && events.get(next).at().isBefore(span.end()); next++) {
                level += events.get(next).delta();
                peak = Math.max(peak, level);
            }
            peaks[i] = peak;
        }
        return peaks;
    }

    private static List<Event> events(List<Interval> intervals) {
        List<Event> events = new ArrayList<>(intervals.size() * 2);
        for (Interval interval : intervals) {
            events.add(new Event(interval.start(), 1));
            if (interval.end() != null) {
                events.add(new Event(interval.end(), -1));
            }
        }
        events.sort(ORDER);
        return events;
    }

    /** The half-open span [start, end) of instants. */
    record Span(Instant start, Instant end) {
    }

    private record Event(Instant at, int delta) {
    }
}
