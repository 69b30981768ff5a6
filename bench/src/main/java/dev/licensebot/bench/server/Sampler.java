package dev.licensebot.bench.server;

import dev.licensebot.bench.Latencies;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequential latency samples of several kinds of request, interleaved (a, b, c, a, b, c, …) so a
 * burst of noise from the shared machine lands on the product and its baseline alike.
 */
final class Sampler {

    private final List<Runnable> actions = new ArrayList<>();

    Sampler add(Runnable action) {
        actions.add(action);
        return this;
    }

    /** {@code warmup} untimed rounds, then {@code rounds} timed ones; latencies in order of adding. */
    List<Latencies> run(int warmup, int rounds) {
        for (int r = 0; r < warmup; r++) {
            actions.forEach(Runnable::run);
        }
        long[][] nanos = new long[actions.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int a = 0; a < actions.size(); a++) {
                long t0 = System.nanoTime();
                actions.get(a).run();
                nanos[a][r] = System.nanoTime() - t0;
            }
        }
        List<Latencies> result = new ArrayList<>();
        for (long[] n : nanos) {
            result.add(Latencies.of(n));
        }
        return result;
    }
}
