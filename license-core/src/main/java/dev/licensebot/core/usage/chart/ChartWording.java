package dev.licensebot.core.usage.chart;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageTrend;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words around the usage graph: its title, its day labels and the alt text that states its figures. */
public final class ChartWording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ChartWording() {
    }

    /** "Session licenses". */
    public static String poolTitle(Pool pool) {
        return pool == Pool.SESSION ? "Session licenses" : "User licenses";
    }

    /** "9 Nov": the day labels under the bars, in the tenant's zone (the trend's days already are). */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /**
     * "Session licenses, last 30 days: daily max 22 on 9 Nov, average 10.9, 25 licensed, 3 denials":
     * what a reader who cannot see the picture needs from it.
     */
    public static String altText(UsageTrend trend) {
        String max = "daily max " + trend.figures().dailyMax()
                + (trend.figures().dailyMaxDate() == null ? "" : " on " + day(trend.figures().dailyMaxDate()));
        int denials = trend.totalDenials();
        return poolTitle(trend.pool()) + ", last " + UsageReport.WINDOW_DAYS + " days: " + max + ", average "
                + trend.dailyAverage().toPlainString() + ", " + trend.total() + " licensed, " + denials
                + (denials == 1 ? " denial" : " denials");
    }

    /** The legend in words, for a small chart drawn without one ({@link ChartSize#CARD}). */
    public static final String KEY = "Bars: daily max (today in green) · orange line: daily average · "
            + "red dashes: licenses owned · pink ▼: denials";

    /** "Session licenses · last 30 days · Europe/Berlin". */
    static String chartTitle(UsageTrend.Drawn drawn) {
        return poolTitle(drawn.pool()) + " · last " + UsageReport.WINDOW_DAYS + " days · " + drawn.zone().getId();
    }
}
