package dev.licensebot.bench.chart;

import dev.licensebot.bench.Report;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageCharts;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Issue 6's "milliseconds, not seconds, after the first render": the first render in fresh JVMs,
 * then the warm costs, in one table. Also draws the sample picture for docs/ on request.
 */
public final class ChartRenderRun {

    private static final Map<String, String> LABELS = Map.of(
            "figures", "the 30 days' figures, read through the core (H2, demo tenant)",
            "renderChatSize", "render 800×400 (Slack, REST), uncached",
            "renderCardSize", "render 400×170 (Teams card), uncached",
            "cachedChatSize", "render 800×400 through the cache (same figures)");

    private final boolean quick;

    public ChartRenderRun(boolean quick) {
        this.quick = quick;
    }

    public void run(Report report) throws RunnerException {
        List<List<String>> rows = new ArrayList<>();
        Statistics first = jmh(FirstChartBenchmark.class, quick ? 3 : 5, 0, 1).iterator().next()
                .getPrimaryResult().getStatistics();
        rows.add(List.of("first render 800×400 in a fresh JVM (" + first.getN() + " JVMs)",
                Report.ms(first.getPercentile(50)), Report.ms(first.getMax())));
        for (RunResult result : jmh(ChartBenchmark.class, 1, quick ? 2 : 3, quick ? 3 : 5)) {
            Statistics s = result.getPrimaryResult().getStatistics();
            String name = result.getParams().getBenchmark();
            String label = LABELS.get(name.substring(name.lastIndexOf('.') + 1));
            rows.add(List.of(label, Report.ms(s.getPercentile(50)), Report.ms(s.getMax())));
        }
        report.table(List.of("what (JMH, mean time per call)", "median", "max"), rows);
    }

    private static Collection<RunResult> jmh(Class<?> benchmark, int forks, int warmups, int iterations)
            throws RunnerException {
        TimeValue iteration = TimeValue.seconds(2);
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(forks)
                .warmupIterations(warmups).warmupTime(iteration)
                .measurementIterations(iterations).measurementTime(iteration)
                .jvmArgsAppend("-Xmx256m", "-Djava.awt.headless=true")
                .shouldFailOnError(true)
                .build();
        return new Runner(options).run();
    }

    /** docs/usage-chart.png: the demo tenant's graph at chat size, with its alt text printed. */
    public static void writeSample(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        try (ChartFixture fixture = ChartFixture.create()) {
            UsageCharts.Chart chart = new UsageCharts().render(fixture.trend(), ChartSize.CHAT);
            Files.write(file, chart.png());
            System.out.println("Wrote " + file.toAbsolutePath() + " — alt text: " + chart.altText());
        }
    }
}
