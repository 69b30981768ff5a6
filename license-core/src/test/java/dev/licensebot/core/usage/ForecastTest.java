package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForecastTest {

    private static final LocalDate LAST = LocalDate.parse("2026-12-07");

    @Test
    void aPoolRisingOneADayReachesItsTotalOnTheDayTheLineDoes() {
        // 10, 11, … 29 over 20 days: the line is exact, 35 lies 6 days after the last day's 29.
        NavigableMap<LocalDate, Integer> maxima = days(20, i -> 10 + i);

        assertEquals(Optional.of(LAST.plusDays(6)), Forecast.fullAround(maxima, 35));
    }

    @Test
    void aNoisyRiseIsFittedByLeastSquaresNotByItsLastTwoDays() {
        // -2, +2, +2, -2 around 10 + i, a pattern that leaves the fitted line where it was: the last
        // day dips to 27, yet the line still says 35 on day 25.
        NavigableMap<LocalDate, Integer> maxima = days(20, i -> 10 + i + (i % 4 == 0 || i % 4 == 3 ? -2 : 2));

        assertEquals(Optional.of(LAST.plusDays(6)), Forecast.fullAround(maxima, 35));
    }

    @Test
    void aFlatPoolIsNeverForecastFull() {
        assertEquals(Optional.empty(), Forecast.fullAround(days(30, i -> 20), 21));
    }

    @Test
    void aFallingPoolIsNeverForecastFull() {
        assertEquals(Optional.empty(), Forecast.fullAround(days(30, i -> 40 - i), 41));
    }

    @Test
    void aPoolAlreadyAtItsTotalIsForTheUsageAlertNotTheForecast() {
        assertEquals(Optional.empty(), Forecast.fullAround(days(20, i -> 6 + i), 25), "the last day is 25 of 25");
    }

    @Test
    void aTotalReachedOnlyTwentyDaysAheadIsBeyondTheHorizon() {
        NavigableMap<LocalDate, Integer> maxima = days(20, i -> 10 + i);

        assertEquals(Optional.empty(), Forecast.fullAround(maxima, 49), "day 39 of the line: 20 days ahead");
        assertEquals(Optional.of(LAST.plusDays(14)), Forecast.fullAround(maxima, 43), "14 days ahead still is one");
    }

    @Test
    void sixDaysOfHistoryAreTooFewForATrend() {
        assertEquals(Optional.empty(), Forecast.fullAround(days(6, i -> 10 + 3 * i), 30));
        assertEquals(Optional.of(LAST.plusDays(2)), Forecast.fullAround(days(7, i -> 10 + 3 * i), 34),
                "seven are enough: 28 on the last day, 34 two days later");
    }

    @Test
    void onlyTheLastThirtyDaysCount() {
        // Forty days: ten early days far above the rest would flatten the line if they counted.
        NavigableMap<LocalDate, Integer> maxima = days(40, i -> i < 10 ? 100 : i);

        assertEquals(Optional.of(LAST.plusDays(6)), Forecast.fullAround(maxima, 45), "39 on the last day, +1 a day");
    }

    @Test
    void theSentenceNamesThePoolAndTheDay() {
        assertEquals("At this trend the session pool is full around 21 Dec.",
                Forecast.sentence(Pool.SESSION, LocalDate.parse("2026-12-21")));
    }

    /** {@code count} days ending on {@link #LAST}, the i-th (0 the oldest) with {@code max.applyAsInt(i)}. */
    private static NavigableMap<LocalDate, Integer> days(int count, IntUnaryOperator max) {
        NavigableMap<LocalDate, Integer> maxima = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            maxima.put(LAST.minusDays(count - 1L - i), max.applyAsInt(i));
        }
        return maxima;
    }
}
