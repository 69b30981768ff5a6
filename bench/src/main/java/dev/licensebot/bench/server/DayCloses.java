package dev.licensebot.bench.server;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.usage.PeakKeeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * B4: the peak keeper as the server would have run it while the loaded history happened, timed
 * apart from the usage calls. For each loaded day that is over, one run 30 s after the day closed
 * in the tenant's zone (on a core whose clock says so), then one run now, which settles today's
 * part so far. A live server would also have run every minute through each day, moving the day's
 * checkpoint on, and so finished each day from its last checkpoint; here each close sweeps its
 * whole day, which errs on the slow side.
 */
public final class DayCloses {

    private static final Duration AFTER_CLOSE = Duration.ofSeconds(30);

    private DayCloses() {
    }

    /** What the runs took: the closes (count, total, slowest), the completed days they stored, and the run now. */
    public record Result(int closes, double totalMillis, double maxMillis, int computedDays, double nowMillis) {

        public double meanMillis() {
            return closes == 0 ? 0 : totalMillis / closes;
        }
    }

    /** Runs the keeper at the close of each day from {@code firstDay} to yesterday, then at {@code now}. */
    public static Result run(LicenseCore core, ZoneId zone, LocalDate firstDay, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int closes = 0;
        long total = 0;
        long max = 0;
        int computed = 0;
        for (LocalDate day = firstDay; day.isBefore(today); day = day.plusDays(1)) {
            Instant closed = day.plusDays(1).atStartOfDay(zone).toInstant().plus(AFTER_CLOSE);
            // A fresh keeper, as after a start: it visits every tenant once.
            PeakKeeper keeper = core.at(Clock.fixed(closed, ZoneOffset.UTC)).peakKeeper();
            long t0 = System.nanoTime();
            computed += keeper.run().computedDays();
            long took = System.nanoTime() - t0;
            total += took;
            max = Math.max(max, took);
            closes++;
        }
        PeakKeeper keeper = core.at(Clock.fixed(now, ZoneOffset.UTC)).peakKeeper();
        long t0 = System.nanoTime();
        computed += keeper.run().computedDays();
        double nowMillis = (System.nanoTime() - t0) / 1e6;
        return new Result(closes, total / 1e6, max / 1e6, computed, nowMillis);
    }
}
