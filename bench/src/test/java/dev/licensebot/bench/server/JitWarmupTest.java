package dev.licensebot.bench.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitWarmupTest {

    private static final Duration WINDOW = Duration.ofMillis(20);

    /** A compiler clock that advances by the given milliseconds in successive windows, then stops. */
    private static final class Compilers {
        private final long[] perWindow;
        private final AtomicLong total = new AtomicLong();
        private int window;

        Compilers(long... perWindow) {
            this.perWindow = perWindow;
        }

        long read() {
            return total.get();
        }

        /** The round marks a window's compiling once, on its first run in that window. */
        void compileDuring(int windowIndex) {
            if (windowIndex == window && window < perWindow.length) {
                total.addAndGet(perWindow[window++]);
            }
        }
    }

    @Test
    void theWarmUpEndsAfterThreeQuietWindowsInARowNotAfterTheFirstLull() {
        Compilers compilers = new Compilers(500, 0, 300, 10, 0, 5);
        AtomicInteger windows = new AtomicInteger();
        JitWarmup warmup = new JitWarmup(() -> {
            long now = compilers.read();
            windows.incrementAndGet();
            return now;
        }, WINDOW);
        // Two reads a window (before and after): the window being run is reads / 2.
        JitWarmup.Settled settled = warmup.warm(() -> compilers.compileDuring((windows.get() - 1) / 2),
                Duration.ofSeconds(30));
        assertTrue(settled.quiet());
        assertEquals(6, windows.get() / 2, "busy, lull, busy, then three quiet windows");
        assertEquals(5, settled.lastWindowMillis());
    }

    @Test
    void aJitThatNeverQuietsDownIsLeftAtTheLimitAndSaidToBeStillCompiling() {
        AtomicLong compiled = new AtomicLong();
        JitWarmup warmup = new JitWarmup(compiled::get, WINDOW);
        AtomicInteger rounds = new AtomicInteger();
        JitWarmup.Settled settled = warmup.warm(() -> {
            rounds.incrementAndGet();
            compiled.addAndGet(1);
        }, Duration.ofMillis(200));
        assertFalse(settled.quiet());
        assertTrue(settled.took().compareTo(Duration.ofMillis(200)) >= 0);
        assertTrue(settled.lastWindowMillis() > JitWarmup.QUIET_MILLIS, "rounds compiled in the last window");
        assertTrue(settled.toString().contains("still compiled"), settled.toString());
        assertTrue(rounds.get() > 0);
    }

    @Test
    void theJvmsOwnCompilersGoQuietWhenNothingNewRuns() {
        JitWarmup.Settled settled = new JitWarmup().warm(() -> { }, Duration.ofSeconds(30));
        assertTrue(settled.quiet(), settled.toString());
        assertTrue(settled.took().compareTo(JitWarmup.WINDOW.multipliedBy(JitWarmup.QUIET_WINDOWS)) >= 0);
    }
}
