package dev.licensebot.bench.server;

import dev.licensebot.bench.Latencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sequential latency samples of several kinds of request, interleaved (a, b, c, a, b, c, …) so a
 * burst of noise from the shared machine lands on the product and its baseline alike.
 */
final class Sampler {

    private record Action(Runnable work, int every) {
    }

    /** How long B3 and B4 may warm up for the JIT: it took 80–110 s in quick runs (bench/NOTES.md). */
    static final Duration JIT_LIMIT = Duration.ofMinutes(3);

    private final List<Action> actions = new ArrayList<>();
    private Duration jitLimit = Duration.ZERO;
    private String warmedUp = "";

    Sampler add(Runnable action) {
        return add(action, 1);
    }

    /**
     * An action sampled only every {@code every}-th round: for a slow yardstick (B4's COUNT(*) takes
     * seconds at 3 M rows), so that it still interleaves with the rest without taking the whole run.
     */
    Sampler add(Runnable action, int every) {
        actions.add(new Action(action, every));
        return this;
    }

    /**
     * After the warm-up rounds, more of them until the JIT is quiet ({@link JitWarmup}), for at most
     * {@code limit}: without this, B3's timed rounds began while C2 still compiled for most of each
     * second (bench/NOTES.md).
     */
    Sampler untilJitQuiet(Duration limit) {
        this.jitLimit = limit;
        return this;
    }

    /** The last run's warm-up, for the report: its rounds, and how the wait for the JIT ended. */
    String warmedUp() {
        return warmedUp;
    }

    /**
     * {@code warmup} untimed rounds, then {@code rounds} timed ones; latencies in order of adding.
     * The warm-up runs a slow yardstick once only: it is there for the JIT and the caches of the
     * server, and a COUNT(*) of 3 M rows every 10th warm-up round would add minutes for nothing.
     */
    List<Latencies> run(int warmup, int rounds) {
        for (int r = 0; r < warmup; r++) {
            warm(r);
        }
        warmedUp = warmup + " rounds";
        if (!jitLimit.isZero()) {
            // Any round past the first: the slow yardstick is not run again.
            warmedUp += ", then " + JitWarmup.describe(new JitWarmup().warm(() -> warm(warmup + 1), jitLimit));
        }
        long[][] nanos = new long[actions.size()][rounds];
        int[] taken = new int[actions.size()];
        for (int r = 0; r < rounds; r++) {
            for (int a = 0; a < actions.size(); a++) {
                if (r % actions.get(a).every() == 0) {
                    long t0 = System.nanoTime();
                    actions.get(a).work().run();
                    nanos[a][taken[a]++] = System.nanoTime() - t0;
                }
            }
        }
        List<Latencies> result = new ArrayList<>();
        for (int a = 0; a < actions.size(); a++) {
            result.add(Latencies.of(Arrays.copyOf(nanos[a], taken[a])));
        }
        return result;
    }

    private void warm(int round) {
        for (Action action : actions) {
            if (action.every() == 1 || round == 0) {
                action.work().run();
            }
        }
    }
}
