package dev.licensebot.core.digest;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.Forecast;
import dev.licensebot.core.usage.Sparkline;
import dev.licensebot.core.usage.UsageTrend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One pool in the weekly digest. The 30-day figures and the graph are the usage answer's own
 * {@link UsageTrend}, so the digest can never disagree with `usage` asked at the same moment.
 *
 * @param weekPeak     the highest daily max of the week
 * @param weekPeakDay  the day it was reached (the most recent on ties), null when the week has no
 *                     counted day
 * @param weekDenials  allocations refused in the week
 * @param busiestHour  the hour of the week with the most denials, null without denials
 * @param fullAround   the day the trend reaches the total ({@link Forecast}), null when there is none
 * @param sizing       the one line an admin can act on ({@link Sizing})
 * @param trend        the 30 days, day by day: the graph and its sparkline
 */
public record PoolDigest(Pool pool, int total, int weekPeak, LocalDate weekPeakDay, int weekDenials,
                         BusiestHour busiestHour, LocalDate fullAround, String sizing, UsageTrend trend) {

    /** The 30-day average of daily maxima, one decimal, as the usage answer gives it. */
    public BigDecimal dailyAverage() {
        return trend.dailyAverage();
    }

    /** The highest daily max of the 30 days. */
    public int dailyMax() {
        return trend.figures().dailyMax();
    }

    /** The 30 daily maxima, oldest first, today last (0 for days before the history began). */
    public List<Integer> dailyMaxima() {
        return trend.dailyMaxima();
    }

    public String sparkline() {
        return Sparkline.of(trend);
    }

    /** "At this trend the session pool is full around 21 Dec.", or null without a forecast. */
    public String forecastSentence() {
        return fullAround == null ? null : Forecast.sentence(pool, fullAround);
    }
}
