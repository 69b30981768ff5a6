package dev.licensebot.bench.chart;

import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageChart;
import dev.licensebot.core.usage.chart.UsageCharts;
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
 * Issue 6: what the 30-day usage graph costs once the JVM is warm. {@code figures} reads the trend
 * through the core; the renders draw it with XChart, uncached at both sizes, and through the
 * {@link UsageCharts} cache that every surface uses (the same figures give the same picture).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ChartBenchmark {

    private ChartFixture fixture;
    private UsageTrend trend;
    private UsageCharts cache;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("java.awt.headless", "true");
        fixture = ChartFixture.create();
        trend = fixture.trend();
        cache = new UsageCharts();
        cache.render(trend, ChartSize.CHAT);
    }

    @Benchmark
    public UsageTrend figures() {
        return fixture.trend();
    }

    @Benchmark
    public byte[] renderChatSize() {
        return UsageChart.png(trend.drawn(), ChartSize.CHAT);
    }

    @Benchmark
    public byte[] renderCardSize() {
        return UsageChart.png(trend.drawn(), ChartSize.CARD);
    }

    @Benchmark
    public UsageCharts.Chart cachedChatSize() {
        return cache.render(trend, ChartSize.CHAT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
