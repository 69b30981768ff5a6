package dev.licensebot.bench.server;

import dev.licensebot.bench.Latencies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
