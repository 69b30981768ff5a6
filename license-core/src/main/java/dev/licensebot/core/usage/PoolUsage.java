package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One pool's figures: licenses in use now out of the total, the 30-day daily average (one
 * decimal) and daily max with its date, and today's denials.
 */
public record PoolUsage(Pool pool, int inUse, int total, BigDecimal dailyAverage, int dailyMax,
                        LocalDate dailyMaxDate, int deniedToday) {

    /**
     * Figures from the daily maxima of the counted days of the window (ascending, today last).
     * The highest wins; on ties the most recent day, as that is the one an admin remembers.
     */
    static PoolUsage of(Pool pool, int inUse, int total, NavigableMap<LocalDate, Integer> maxima,
                        int deniedToday) {
        int max = 0;
        LocalDate maxDate = maxima.isEmpty() ? null : maxima.lastKey();
        long sum = 0;
        for (Map.Entry<LocalDate, Integer> day : maxima.descendingMap().entrySet()) {
            sum += day.getValue();
            if (day.getValue() > max) {
                max = day.getValue();
                maxDate = day.getKey();
            }
        }
        BigDecimal average = maxima.isEmpty() ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(maxima.size()), 1, RoundingMode.HALF_UP);
        return new PoolUsage(pool, inUse, total, average, max, maxDate, deniedToday);
    }
}
