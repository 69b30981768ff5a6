package dev.licensebot.bench.server;

import dev.licensebot.bench.QuietWindows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitWarmupTest {

    private static final Duration WINDOW = Duration.ofMillis(20);

    @Test
    void theWarmUpEndsAfterThreeQuietWindowsInARowNotAfterTheFirstLull() {
        long[] perWindow = {500, 0, 300, 10, 0, 5};
        AtomicInteger reads = new AtomicInteger();
        AtomicLong total = new AtomicLong();
        // Read twice a window, before and after it: each after-read finds that window's compiling done.
        JitWarmup warmup = new JitWarmup(() -> {
            int read = reads.getAndIncrement();
            if (read % 2 == 1 && read / 2 < perWindow.length) {
                total.addAndGet(perWindow[read / 2]);
            }
            return total.get();
        }, WINDOW);
        QuietWindows.Outcome settled = warmup.warm(() -> { }, Duration.ofSeconds(30));
        assertTrue(settled.quiet());
        assertEquals(6, reads.get() / 2, "busy, lull, busy, then three quiet windows");
        assertEquals(5, settled.lastWindow());
    }

    @Test
    void aJitThatNeverQuietsDownIsLeftAtTheLimitAndSaidToBeStillCompiling() {
        AtomicLong compiled = new AtomicLong();
        JitWarmup warmup = new JitWarmup(compiled::get, WINDOW);
        AtomicInteger rounds = new AtomicInteger();
        QuietWindows.Outcome settled = warmup.warm(() -> {
            rounds.incrementAndGet();
            compiled.addAndGet(1);
        }, Duration.ofMillis(200));
        assertFalse(settled.quiet());
        assertTrue(settled.took().compareTo(Duration.ofMillis(200)) >= 0);
        assertTrue(settled.lastWindow() > JitWarmup.QUIET_MILLIS, "rounds compiled in the last window");
        assertTrue(JitWarmup.describe(settled).contains("still compiled"), JitWarmup.describe(settled));
        assertTrue(rounds.get() > 0);
    }

    @Test
    void theJvmsOwnCompilersGoQuietWhenNothingNewRuns() {
        QuietWindows.Outcome settled = new JitWarmup().warm(() -> { }, Duration.ofSeconds(30));
        assertTrue(settled.quiet(), JitWarmup.describe(settled));
        assertTrue(settled.took().compareTo(JitWarmup.WINDOW.multipliedBy(JitWarmup.QUIET_WINDOWS)) >= 0);
    }
}
