package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One pool over the {@link UsageReport#WINDOW_DAYS} days ending today, day by day: what the usage
 * graph and its sparkline draw. {@code figures} are the very numbers the text answer shows, taken
 * from the same daily maxima, so the picture can never disagree with the words next to it.
 *
 * @param days oldest first, today last, always {@link UsageReport#WINDOW_DAYS} of them
 */
public record UsageTrend(String tenantId, PoolUsage figures, ZoneId zone, LocalDate today, List<Day> days) {

    public UsageTrend {
        days = List.copyOf(days);
    }

    /**
     * One calendar day in the tenant's zone. {@code counted} is false for days before the tenant's
     * history began: they have no daily max (shown as 0) and are left out of the average.
     */
    public record Day(LocalDate date, int dailyMax, int denials, boolean counted) {
    }

    public Pool pool() {
        return figures.pool();
    }

    public int total() {
        return figures.total();
    }

    public BigDecimal dailyAverage() {
        return figures.dailyAverage();
    }

    public int totalDenials() {
        return days.stream().mapToInt(Day::denials).sum();
    }

    public List<Integer> dailyMaxima() {
        return days.stream().map(Day::dailyMax).toList();
    }

    /** What the chart depends on, and nothing that moves without changing the picture (licenses in use now). */
    public Drawn drawn() {
        return new Drawn(tenantId, pool(), zone, today, total(), dailyAverage(), days);
    }

    /** The inputs of a drawing; equal inputs draw the same picture, so it doubles as a cache key. */
    public record Drawn(String tenantId, Pool pool, ZoneId zone, LocalDate today, int total, BigDecimal average,
                        List<Day> days) {
    }
}
