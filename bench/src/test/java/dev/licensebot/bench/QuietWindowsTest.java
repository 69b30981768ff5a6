package dev.licensebot.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietWindowsTest {

    private static final Duration WINDOW = Duration.ofMillis(30);

    @Test
    void oneQuietWindowIsEnoughWhenOneIsAskedForAndTheWorkIsToldTheTimeLeftInIt() {
        AtomicLong counter = new AtomicLong();
        List<Long> left = new ArrayList<>();
        QuietWindows.Outcome outcome = new QuietWindows(WINDOW, 1).await(counter::get, grown -> grown <= 1,
                nanos -> {
                    left.add(nanos);
                    LockSupport.parkNanos(nanos);
                }, Duration.ofSeconds(10));
        assertTrue(outcome.quiet());
        assertEquals(0, outcome.lastWindow());
        assertTrue(outcome.took().compareTo(WINDOW) >= 0, "took " + outcome.took());
        assertTrue(left.get(0) <= WINDOW.toNanos() && left.get(0) > 0, "first pause " + left.get(0));
    }

    @Test
    void aCounterThatKeepsGrowingIsLeftAtTheLimitAndSaidNotQuiet() {
        AtomicLong counter = new AtomicLong();
        QuietWindows.Outcome outcome = new QuietWindows(WINDOW, 1).await(counter::get, grown -> grown == 0,
                nanos -> counter.incrementAndGet(), Duration.ofMillis(150));
        assertFalse(outcome.quiet());
        assertTrue(outcome.lastWindow() > 0);
        assertTrue(outcome.took().compareTo(Duration.ofMillis(150)) >= 0, "took " + outcome.took());
    }
}
