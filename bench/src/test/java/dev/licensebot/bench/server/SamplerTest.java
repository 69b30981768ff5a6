package dev.licensebot.bench.server;

import dev.licensebot.bench.Latencies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {

    @Test
    void aSlowYardstickIsSampledOnlyEveryNthRoundWhileTheRestAreSampledEveryRound() {
        AtomicInteger fast = new AtomicInteger();
        AtomicInteger slow = new AtomicInteger();
        List<Latencies> latencies = new Sampler()
                .add(fast::incrementAndGet)
                .add(slow::incrementAndGet, 10)
                .run(5, 100);
        assertEquals(105, fast.get(), "5 warm-up rounds and 100 timed ones");
        assertEquals(1 + 10, slow.get(), "round 0 of the warm-up, then rounds 0, 10, …, 90");
        assertEquals(100, latencies.get(0).count());
        assertEquals(10, latencies.get(1).count());
    }

    @Test
    void theWarmUpRunsASlowYardstickOnceHoweverLongItIs() {
        AtomicInteger fast = new AtomicInteger();
        AtomicInteger slow = new AtomicInteger();
        new Sampler()
                .add(fast::incrementAndGet)
                .add(slow::incrementAndGet, 10)
                .run(500, 20);
        assertEquals(520, fast.get(), "every warm-up round and every timed one");
        assertEquals(1 + 2, slow.get(), "once in the warm-up, then rounds 0 and 10");
    }

    @Test
    void waitingForTheJitRunsMoreWarmUpRoundsButNeverTheSlowYardstickAgainAndSaysHowItEnded() {
        AtomicInteger fast = new AtomicInteger();
        AtomicInteger slow = new AtomicInteger();
        Sampler sampler = new Sampler()
                .add(fast::incrementAndGet)
                .add(slow::incrementAndGet, 10)
                .untilJitQuiet(Duration.ofSeconds(30));
        List<Latencies> latencies = sampler.run(5, 20);
        assertTrue(fast.get() > 5 + 20, "warm-up rounds went on for at least three seconds: " + fast.get());
        assertEquals(1 + 2, slow.get(), "once in the warm-up, then rounds 0 and 10");
        assertEquals(20, latencies.get(0).count());
        assertTrue(sampler.warmedUp().startsWith("5 rounds, then "), sampler.warmedUp());
        assertTrue(sampler.warmedUp().endsWith("until the JIT was quiet"), sampler.warmedUp());
    }

    @Test
    void aSamplerNotToldToWaitForTheJitSaysItWarmedUpForItsRoundsOnly() {
        Sampler sampler = new Sampler().add(() -> { });
        sampler.run(7, 1);
        assertEquals("7 rounds", sampler.warmedUp());
    }
}
