package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.digest.BusiestHour;
import dev.licensebot.core.digest.PoolDigest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One pool in the weekly digest. {@code busiestHour}, {@code fullAround} and {@code forecast} are
 * null when there is none; {@code dailyMaxima} are the 30 days oldest first, today last, and
 * {@code chart} the path of the same graph as a PNG.
 */
@JsonPropertyOrder({"total", "weekPeak", "weekPeakDate", "dailyAverage", "dailyMax", "weekDenials", "busiestHour",
        "fullAround", "forecast", "sizing", "dailyMaxima", "sparkline", "chart"})
public record PoolDigestJson(int total, int weekPeak, LocalDate weekPeakDate, BigDecimal dailyAverage, int dailyMax,
                             int weekDenials, HourJson busiestHour, LocalDate fullAround, String forecast,
                             String sizing, List<Integer> dailyMaxima, String sparkline, String chart) {

    static PoolDigestJson of(PoolDigest pool) {
        BusiestHour busiest = pool.busiestHour();
        return new PoolDigestJson(pool.total(), pool.weekPeak(), pool.weekPeakDay(), pool.dailyAverage(),
                pool.dailyMax(), pool.weekDenials(), busiest == null ? null : new HourJson(busiest.start(),
                busiest.denials()), pool.fullAround(), pool.forecastSentence(), pool.sizing(), pool.dailyMaxima(),
                pool.sparkline(), "/api/v1/usage/chart.png?pool=" + pool.pool().label());
    }

    /** The hour of the week with the most denials: its first instant, and how many. */
    public record HourJson(Instant from, int denials) {
    }
}
