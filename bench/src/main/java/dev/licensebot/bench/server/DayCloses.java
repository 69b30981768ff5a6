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
 * apart from the usage calls. The server runs it every minute: through a day each run moves the
 * day's settled checkpoint on by a minute's changes, and the first run after the day closed
 * finishes the day from its last checkpoint and stores it. Here one run a minute before each
 * close stands for the day's runs (it settles the day from its start: all of the day's changes
 * once, as the day's runs read them bit by bit), one run 30 s after the close stores the day,
 * and one run now settles today so far. Each run is a fresh keeper on a core whose clock says
 * that instant, as after a start.
 */
public final class DayCloses {

    private static final Duration BEFORE_CLOSE = Duration.ofMinutes(1);
    private static final Duration AFTER_CLOSE = Duration.ofSeconds(30);

    private DayCloses() {
    }

    /**
     * What the runs took: through the days (all runs added up), at the closes (count, all added
     * up, slowest), the completed pool-days they stored, and the run now.
     */
    public record Result(double throughDaysMillis, int closes, double closesMillis, double slowestCloseMillis,
                         int computedDays, double nowMillis) {

        public double meanCloseMillis() {
            return closes == 0 ? 0 : closesMillis / closes;
        }
    }

    /** Runs the keeper through and at the close of each day from {@code firstDay} to yesterday, then at {@code now}. */
    public static Result run(LicenseCore core, ZoneId zone, LocalDate firstDay, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        long throughDays = 0;
        int closes = 0;
        long atCloses = 0;
        long slowest = 0;
        int computed = 0;
        for (LocalDate day = firstDay; day.isBefore(today); day = day.plusDays(1)) {
            Instant close = day.plusDays(1).atStartOfDay(zone).toInstant();
            Timed through = runAt(core, close.minus(BEFORE_CLOSE));
            throughDays += through.nanos();
            Timed closed = runAt(core, close.plus(AFTER_CLOSE));
            computed += through.computedDays() + closed.computedDays();
            atCloses += closed.nanos();
            slowest = Math.max(slowest, closed.nanos());
            closes++;
        }
        Timed atNow = runAt(core, now);
        computed += atNow.computedDays();
        return new Result(throughDays / 1e6, closes, atCloses / 1e6, slowest / 1e6, computed, atNow.nanos() / 1e6);
    }

    private record Timed(long nanos, int computedDays) {
    }

    private static Timed runAt(LicenseCore core, Instant at) {
        PeakKeeper keeper = core.at(Clock.fixed(at, ZoneOffset.UTC)).peakKeeper();
        long t0 = System.nanoTime();
        int computed = keeper.run().computedDays();
        return new Timed(System.nanoTime() - t0, computed);
    }
}
