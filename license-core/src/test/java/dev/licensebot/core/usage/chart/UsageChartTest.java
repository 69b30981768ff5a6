package dev.licensebot.core.usage.chart;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageTrend;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageChartTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-09");

    /** Four past days with licenses in use, today with five, two denials on 17 Oct. */
    private static UsageTrend knownHistory(Map<Integer, Integer> denialsByIndex) {
        Map<Integer, Integer> maxByIndex = Map.of(3, 4, 7, 22, 12, 2, 20, 6, 29, 5);
        List<UsageTrend.Day> days = new ArrayList<>();
        for (int i = 0; i < UsageReport.WINDOW_DAYS; i++) {
            days.add(new UsageTrend.Day(TODAY.minusDays(29L - i), maxByIndex.getOrDefault(i, 0),
                    denialsByIndex.getOrDefault(i, 0), true));
        }
        PoolUsage figures = new PoolUsage(Pool.SESSION, 3, 25, new BigDecimal("1.3"), 22, TODAY.minusDays(22), 0);
        return new UsageTrend("tenant-1", figures, ZoneId.of("Europe/Berlin"), TODAY, days);
    }

    @Test
    void theChatChartShowsOneBarPerDayWithLicensesAndTodayApart() {
        byte[] png = new UsageCharts().render(knownHistory(Map.of(7, 2)), ChartSize.CHAT).png();

        ChartPixels pixels = ChartPixels.decode(png);
        assertEquals(800, pixels.width());
        assertEquals(400, pixels.height());
        assertTrue(pixels.distinctColours() > 8, "not blank: " + pixels.distinctColours() + " colours");
        assertEquals(4, pixels.pastBars(), "the four past days that had licenses in use");
        assertEquals(1, pixels.todayBars(), "today, in its own colour");
        assertTrue(pixels.contains(UsageChart.AVERAGE), "the average line");
        assertTrue(pixels.contains(UsageChart.LIMIT), "the limit line");
        assertTrue(pixels.contains(UsageChart.DENIAL), "the denial marker");
    }

    @Test
    void aMonthWithoutDenialsHasNoDenialMarker() {
        ChartPixels pixels = ChartPixels.decode(new UsageCharts().render(knownHistory(Map.of()), ChartSize.CHAT).png());

        assertFalse(pixels.contains(UsageChart.DENIAL));
        assertEquals(4, pixels.bars(UsageChart.BAR));
    }

    @Test
    void theCardChartIsSmallAndStillShowsEveryBar() {
        byte[] png = new UsageCharts().render(knownHistory(Map.of(7, 2)), ChartSize.CARD).png();

        ChartPixels pixels = ChartPixels.decode(png);
        assertEquals(400, pixels.width());
        assertEquals(170, pixels.height());
        assertEquals(4, pixels.bars(UsageChart.BAR));
        assertEquals(1, pixels.bars(UsageChart.TODAY));
        assertTrue(png.length < 10_000, "small enough to inline twice in a Teams card: " + png.length + " bytes");
    }

    @Test
    void theSeriesAreTheTrendsDays() {
        ChartSeries series = ChartSeries.of(knownHistory(Map.of(7, 2)).drawn());

        assertEquals(30, series.labels().size());
        assertEquals("11 Oct", series.labels().get(0));
        assertEquals("Today", series.labels().get(29));
        assertEquals(22, series.pastBars().get(7));
        assertEquals(null, series.pastBars().get(29), "today is not a past bar");
        assertEquals(5, series.todayBar().get(29));
        assertEquals(22, series.denialMarks().get(7), "the marker sits on the day's bar");
        assertEquals(25, series.limit().get(0));
        assertEquals(1.3, series.average().get(0));
    }

    @Test
    void theAltTextStatesTheFigures() {
        assertEquals("Session licenses, last 30 days: daily max 22 on 18 Oct, average 1.3, 25 licensed, 2 denials",
                ChartWording.altText(knownHistory(Map.of(7, 2))));
        assertTrue(ChartWording.altText(knownHistory(Map.of(7, 1))).endsWith("1 denial"));
    }

    @Test
    void theSameFiguresGiveTheSamePictureAndChangedFiguresANewOne() {
        UsageCharts charts = new UsageCharts();
        byte[] first = charts.render(knownHistory(Map.of()), ChartSize.CHAT).png();
        byte[] again = charts.render(knownHistory(Map.of()), ChartSize.CHAT).png();
        byte[] changed = charts.render(knownHistory(Map.of(3, 1)), ChartSize.CHAT).png();

        assertArrayEquals(first, again);
        assertNotSame(first, again, "callers get their own copy");
        assertFalse(java.util.Arrays.equals(first, changed));
    }
}
