package dev.licensebot.bench.alloc;

import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.Report;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** B1: JMH at 1/8/32/64 threads, then the over-allocation check on a tight pool. */
public final class AllocationRun {

    /** Median and spread of the measurement iterations of one benchmark, in ops/s. */
    public record Score(double median, double min, double max) {
        static Score of(Statistics s) {
            return new Score(s.getPercentile(50), s.getMin(), s.getMax());
        }
    }

    private final BenchDatabase db;
    private final boolean quick;

    public AllocationRun(BenchDatabase db, boolean quick) {
        this.db = db;
        this.quick = quick;
    }

    public void run(Report report, int background) throws RunnerException, SQLException, InterruptedException {
        int[] clients = {1, 8, 32, 64};
        List<List<String>> rows = new ArrayList<>();
        for (int threads : clients) {
            Score core = null;
            Score raw = null;
            for (RunResult result : jmh(threads, background)) {
                Score score = Score.of(result.getPrimaryResult().getStatistics());
                if (result.getParams().getBenchmark().endsWith(".core")) {
                    core = score;
                } else {
                    raw = score;
                }
            }
            double ratio = core.median() / raw.median();
            System.out.printf("B1 %d clients: core %.0f/s, raw %.0f/s (%.2fx)%n", threads, core.median(),
                    raw.median(), ratio);
            rows.add(List.of(String.valueOf(threads), range(core), range(raw), Report.ratio(ratio),
                    threads == 32 ? Report.verdict(ratio >= 0.5) + " (≥ 0.5×)" : ""));
        }
        report.table(List.of("clients", "core: open + logout /s (median [min–max])",
                "raw JDBC: allocate + release /s", "core / raw", "goal"), rows);
        report.text(overAllocation(background));
    }

    private Collection<RunResult> jmh(int threads, int background) throws RunnerException {
        TimeValue iteration = TimeValue.seconds(quick ? 3 : 5);
        Options options = new OptionsBuilder()
                .include(AllocationBenchmark.class.getName() + "\\.")
                .param("background", String.valueOf(background))
                .threads(threads)
                .forks(1)
                .warmupIterations(quick ? 1 : 2).warmupTime(iteration)
                .measurementIterations(quick ? 3 : 5).measurementTime(iteration)
                .jvmArgsAppend("-Dbench.db=" + db.name(), "-Xmx512m")
                .shouldFailOnError(true)
                .build();
        return new Runner(options).run();
    }

    private static String range(Score s) {
        return Report.num(s.median(), 0) + " [" + Report.num(s.min(), 0) + "–" + Report.num(s.max(), 0) + "]";
    }

    /**
     * 32 clients race for 10 free licenses (beside {@code background} held) with 20 attempts each and
     * no logout: exactly 10 must be granted, on both sides.
     */
    String overAllocation(int background) throws SQLException, InterruptedException {
        int clients = 32;
        int free = 10;
        try (AllocationRig rig = AllocationRig.create(db, clients, background, free)) {
            long coreGranted = race(clients, 20, rig::coreOpen);
            long rawGranted = race(clients, 20, rig::rawAllocate);
            int coreHeld = rig.coreInUse();
            long[] raw = rig.rawState();
            boolean ok = coreGranted == free && coreHeld == rig.total() && rawGranted == free
                    && raw[0] == free && raw[1] == rig.total();
            String line = String.format("Over-allocation check (%d clients × 20 attempts on a pool of %d with %d held): "
                            + "core granted %d, holds %d/%d; raw granted %d, rows %d, counter %d/%d: %s.",
                    clients, rig.total(), background, coreGranted, coreHeld, rig.total(), rawGranted, raw[0], raw[1],
                    rig.total(), ok ? "**zero over-allocation**" : "**OVER-ALLOCATED**");
            System.out.println(line);
            if (!ok) {
                throw new IllegalStateException(line);
            }
            return line;
        }
    }

    private static long race(int clients, int attempts, Callable<Boolean> allocate) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                tasks.add(() -> {
                    int granted = 0;
                    for (int a = 0; a < attempts; a++) {
                        granted += allocate.call() ? 1 : 0;
                    }
                    return granted;
                });
            }
            long granted = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                granted += get(f);
            }
            return granted;
        } finally {
            pool.shutdown();
        }
    }

    private static int get(Future<Integer> future) throws InterruptedException {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
