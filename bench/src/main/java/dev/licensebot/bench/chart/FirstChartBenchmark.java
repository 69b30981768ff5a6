package dev.licensebot.bench.chart;

import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageChart;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * The first graph a fresh node draws: AWT, fonts and XChart load on first use. Measured once per
 * forked JVM (single shot, no warm-up), so each fork is one node's first usage answer.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class FirstChartBenchmark {

    private ChartFixture fixture;
    private UsageTrend trend;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("java.awt.headless", "true");
        fixture = ChartFixture.create();
        trend = fixture.trend();
    }

    @Benchmark
    public byte[] firstRender() {
        return UsageChart.png(trend.drawn(), ChartSize.CHAT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
