package dev.licensebot.bench.server;

import dev.licensebot.bench.QuietWindows;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Warm-up that lasts until the JIT has finished with what it warms: the measured requests run in
 * one-second windows until the JVM's compilers worked at most {@link #QUIET_MILLIS} in each of
 * {@link #QUIET_WINDOWS} windows in a row, or until a limit. On two cores a busy C2 compiler thread
 * holds one of them: every wake-up in a request (a pool's hand-over, a database reply) then waits for
 * a core, so the requests that wake the most threads look slowest. That is a phase of the bench's
 * JVM, not the server a person talks to, which compiled these paths long ago (bench/NOTES.md).
 */
final class JitWarmup {

    static final Duration WINDOW = Duration.ofSeconds(1);
    /** Compiling for at most 2% of a window: a method or two, no longer a queue. */
    static final long QUIET_MILLIS = 20;
    /** Compilation comes in bursts with lulls between them; one quiet second proved nothing. */
    static final int QUIET_WINDOWS = 3;

    private final LongSupplier compiledMillis;
    private final QuietWindows windows;

    /** The JVM's own compilers, timed by its CompilationMXBean. */
    JitWarmup() {
        this(ManagementFactory.getCompilationMXBean()::getTotalCompilationTime, WINDOW);
    }

    /** {@code compiledMillis}: the compilers' total time so far, in ms; {@code window}: the measuring window. */
    JitWarmup(LongSupplier compiledMillis, Duration window) {
        this.compiledMillis = compiledMillis;
        this.windows = new QuietWindows(window, QUIET_WINDOWS);
    }

    /** Runs {@code round} over and over until the JIT is quiet or {@code limit} has passed. */
    QuietWindows.Outcome warm(Runnable round, Duration limit) {
        return windows.await(compiledMillis, compiled -> compiled <= QUIET_MILLIS, left -> round.run(), limit);
    }

    /** The warm-up for the report: "82 s, until the JIT was quiet". */
    static String describe(QuietWindows.Outcome outcome) {
        return String.format(Locale.ROOT, "%.0f s, until the JIT %s", outcome.took().toMillis() / 1e3,
                outcome.quiet() ? "was quiet" : "still compiled (" + outcome.lastWindow() + " ms in the last second)");
    }
}
