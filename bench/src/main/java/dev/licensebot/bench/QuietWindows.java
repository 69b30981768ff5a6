package dev.licensebot.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Waits for background work to end by watching a counter of it in fixed windows: done when the
 * counter grew little enough in {@code inARow} windows in a row, or when a limit has passed. What
 * the bench waits for this way (MariaDB writing a bulk load back, the JIT compiling what it warms)
 * would otherwise run on the same two cores as the timed requests.
 */
public final class QuietWindows {

    /** How a wait ended: its length, whether it went quiet, and the counter's growth in its last window. */
    public record Outcome(Duration took, boolean quiet, long lastWindow) {
        public String seconds() {
            return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1e3);
        }
    }

    private final Duration window;
    private final int inARow;

    public QuietWindows(Duration window, int inARow) {
        this.window = window;
        this.inARow = inARow;
    }

    /**
     * Runs {@code duringWindow} (given the nanoseconds left in the window) over and over until each
     * window ends; a window is quiet when {@code quiet} accepts the counter's growth in it.
     */
    public Outcome await(LongSupplier counter, LongPredicate quiet, LongConsumer duringWindow, Duration limit) {
        long t0 = System.nanoTime();
        int quietInARow = 0;
        long grown;
        do {
            long before = counter.getAsLong();
            long end = System.nanoTime() + window.toNanos();
            for (long left = window.toNanos(); left > 0; left = end - System.nanoTime()) {
                duringWindow.accept(left);
            }
            grown = counter.getAsLong() - before;
            quietInARow = quiet.test(grown) ? quietInARow + 1 : 0;
        } while (quietInARow < inARow && System.nanoTime() - t0 < limit.toNanos());
        return new Outcome(Duration.ofNanos(System.nanoTime() - t0), quietInARow >= inARow, grown);
    }
}
