package dev.licensebot.core.usage.chart;

import dev.licensebot.core.usage.UsageTrend;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The 30-day usage graph as a PNG, drawn by XChart: the one renderer behind the REST API, Slack and
 * Teams. Its own dark background with light text and saturated series reads the same in a light
 * and a dark chat theme; a transparent one would lose either its text or its lines in one of them.
 */
public final class UsageChart {

    static final Color BACKGROUND = new Color(0x1E, 0x23, 0x2A);
    static final Color TEXT = new Color(0xE6, 0xE9, 0xEE);
    static final Color GRID = new Color(0x3A, 0x41, 0x4B);
    static final Color BAR = new Color(0x4C, 0x9A, 0xFF);
    static final Color TODAY = new Color(0x2E, 0xD1, 0xA2);
    static final Color AVERAGE = new Color(0xFF, 0xB0, 0x20);
    static final Color LIMIT = new Color(0xFF, 0x5C, 0x5C);
    static final Color DENIAL = new Color(0xFF, 0x4D, 0xD2);

    static {
        // A server has no display; AWT must not look for one (tests and main set it too, this is the backstop).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private UsageChart() {
    }

    /** The PNG of one trend at one size. Costs tens of milliseconds once AWT is warm; cache it (see {@link ChartCache}). */
    public static byte[] png(UsageTrend.Drawn drawn, ChartSize size) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(drawn, size), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the usage chart", e);
        }
    }

    static CategoryChart chart(UsageTrend.Drawn drawn, ChartSize size) {
        ChartSeries series = ChartSeries.of(drawn);
        CategoryChart chart = new CategoryChart(size.width(), size.height());
        chart.setTitle(ChartWording.chartTitle(drawn));
        style(chart.getStyler(), size, series);
        bar(chart.addSeries("Daily max", series.labels(), series.pastBars()), BAR);
        bar(chart.addSeries("Today", series.labels(), series.todayBar()), TODAY);
        line(chart.addSeries("Average " + drawn.average().toPlainString(), series.labels(), series.average()),
                AVERAGE, new BasicStroke(2.5f));
        line(chart.addSeries(drawn.total() + " licensed", series.labels(), series.limit()), LIMIT,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        if (series.anyDenials()) {
            CategorySeries denials = chart.addSeries("Denials", series.labels(), series.denialMarks());
            denials.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
            denials.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            denials.setMarkerColor(DENIAL);
        }
        return chart;
    }

    private static void style(CategoryStyler styler, ChartSize size, ChartSeries series) {
        boolean small = size.width() < 640;
        styler.setOverlapped(true);
        styler.setAntiAlias(!small);
        styler.setAvailableSpaceFill(0.75);
        styler.setChartBackgroundColor(BACKGROUND);
        styler.setPlotBackgroundColor(BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(TEXT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setAxisTickMarksColor(GRID);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, small ? 12 : 16));
        styler.setChartTitleBoxVisible(false);
        // A card names the pool right above its picture; the pixels are better spent on the bars.
        styler.setChartTitleVisible(!small);
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, small ? 9 : 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBackgroundColor(BACKGROUND);
        styler.setLegendBorderColor(BACKGROUND);
        styler.setXAxisLabelRotation(small ? 0 : 45);
        styler.setLegendVisible(legendVisible(size));
        styler.setXAxisTitleVisible(false);
        styler.setYAxisTitleVisible(false);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(Math.ceil(Math.max(1, series.highest()) * 1.1));
        styler.setYAxisDecimalPattern("#");
        styler.setMarkerSize(small ? 8 : 12);
        styler.setChartPadding(small ? 4 : 10);
    }

    /** At card size XChart's legend crowds itself; the card says in words what the colours are. */
    static boolean legendVisible(ChartSize size) {
        return size.width() >= 640;
    }

    private static void bar(CategorySeries series, Color color) {
        series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Bar);
        series.setFillColor(color);
        series.setLineColor(color);
    }

    private static void line(CategorySeries series, Color color, BasicStroke stroke) {
        series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(stroke);
    }
}
