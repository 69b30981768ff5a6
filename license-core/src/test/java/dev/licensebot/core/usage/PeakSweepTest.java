package dev.licensebot.core.usage;

import dev.licensebot.core.usage.TenantDays.DaySpan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeakSweepTest {

    private static final TenantDays UTC = new TenantDays(ZoneOffset.UTC);
    private static final LocalDate MAR_1 = LocalDate.parse("2026-03-01");

    private static Interval held(String from, String until) {
        return new Interval(Instant.parse(from), until == null ? null : Instant.parse(until));
    }

    private static Map<LocalDate, Integer> peaks(List<Interval> intervals, LocalDate... days) {
        List<DaySpan> spans = java.util.Arrays.stream(days).map(UTC::span).toList();
        return PeakSweep.peaks(intervals, spans);
    }

    @Test
    void aDayWithNothingHeldPeaksAtZero() {
        assertEquals(Map.of(MAR_1, 0), peaks(List.of(), MAR_1));
    }

    @Test
    void overlappingIntervalsAddUpAndSeparateOnesDoNot() {
        List<Interval> intervals = List.of(
                held("2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z"),
                held("2026-03-01T09:30:00Z", "2026-03-01T11:00:00Z"),
                held("2026-03-01T09:45:00Z", "2026-03-01T09:50:00Z"),
                held("2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z"));

        assertEquals(Map.of(MAR_1, 3), peaks(intervals, MAR_1));
    }

    @Test
    void anIntervalEndingWhereAnotherStartsNeverOverlapsIt() {
        List<Interval> intervals = List.of(
                held("2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z"),
                held("2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z"));

        assertEquals(Map.of(MAR_1, 1), peaks(intervals, MAR_1));
    }

    @Test
    void intervalsCarriedOverFromEarlierDaysCountFromTheDaysStart() {
        List<Interval> intervals = List.of(
                held("2026-02-20T09:00:00Z", null),
                held("2026-02-28T23:00:00Z", "2026-03-02T01:00:00Z"),
                held("2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z"));
        LocalDate mar2 = MAR_1.plusDays(1);
        LocalDate mar3 = MAR_1.plusDays(2);

        assertEquals(Map.of(MAR_1, 2, mar2, 2, mar3, 1), peaks(intervals, MAR_1, mar2, mar3));
    }

    @Test
    void anIntervalEndingExactlyAtMidnightDoesNotCountOnTheNextDay() {
        List<Interval> intervals = List.of(held("2026-03-01T22:00:00Z", "2026-03-02T00:00:00Z"));
        LocalDate mar2 = MAR_1.plusDays(1);

        assertEquals(Map.of(MAR_1, 1, mar2, 0), peaks(intervals, MAR_1, mar2));
    }

    @Test
    void daysNeedNotBeConsecutive() {
        List<Interval> intervals = List.of(
                held("2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z"),
                held("2026-03-02T09:00:00Z", "2026-03-03T10:00:00Z"),
                held("2026-03-05T09:00:00Z", "2026-03-05T10:00:00Z"),
                held("2026-03-05T09:10:00Z", "2026-03-05T10:00:00Z"));
        LocalDate mar3 = MAR_1.plusDays(2);
        LocalDate mar5 = MAR_1.plusDays(4);

        assertEquals(Map.of(MAR_1, 1, mar3, 1, mar5, 2), peaks(intervals, MAR_1, mar3, mar5));
    }
}
