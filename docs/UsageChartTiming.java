import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageChart;
import dev.licensebot.core.usage.chart.UsageCharts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How long the usage graph takes to draw, on the demo tenant in an in-memory H2: the first render
 * (AWT and fonts warming up), then uncached renders, then cached ones; and the sample picture
 * docs/usage-chart.png. Not a test: timings depend on the machine. Run from the repository root:
 *
 *   mvn -B -q compile -pl license-core -am
 *   mvn -B -q dependency:build-classpath -pl license-core -Dmdep.outputFile=/tmp/cp.txt
 *   java -Djava.awt.headless=true -cp license-core/target/classes:$(cat /tmp/cp.txt) docs/UsageChartTiming.java
 */
public class UsageChartTiming {

    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        DbSettings db = new DbSettings("jdbc:h2:mem:timing;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "", "");
        try (Database database = Database.open(db, 4)) {
            Clock clock = Clock.systemUTC();
            LicenseCore core = new LicenseCore(database.jdbi(), clock);
            Tenant tenant = new DemoData(core, clock).load().tenant();
            fillTheSessionPoolAndBeDeniedThrice(core, tenant);
            Actor api = Actor.api(tenant.id());

            long t0 = System.nanoTime();
            UsageTrend trend = core.usage().trend(tenant, api, Pool.SESSION);
            long t1 = System.nanoTime();
            byte[] first = UsageChart.png(trend.drawn(), ChartSize.CHAT);
            long t2 = System.nanoTime();
            System.out.printf("figures (first read): %.1f ms%n", ms(t1 - t0));
            System.out.printf("first render 800x400: %.1f ms, %d bytes%n", ms(t2 - t1), first.length);

            time("figures (trend, warm)", () -> core.usage().trend(tenant, api, Pool.SESSION));
            time("uncached render 800x400", () -> UsageChart.png(trend.drawn(), ChartSize.CHAT));
            time("uncached render 400x170 (card)", () -> UsageChart.png(trend.drawn(), ChartSize.CARD));
            UsageCharts charts = new UsageCharts();
            charts.render(trend, ChartSize.CHAT);
            time("cached render 800x400", () -> charts.render(trend, ChartSize.CHAT));
            System.out.printf("card PNG 400x170: %d bytes%n", UsageChart.png(trend.drawn(), ChartSize.CARD).length);
            System.out.println("alt text: " + charts.render(trend, ChartSize.CHAT).altText());

            if (args.length > 0) {
                Files.write(Path.of(args[0]), first);
                System.out.println("wrote " + args[0]);
            }
        }
    }

    /** The demo has no denials; a sample without the denial marker would hide one of the series. */
    private static void fillTheSessionPoolAndBeDeniedThrice(LicenseCore core, Tenant tenant) {
        int refused = 0;
        while (refused < 3) {
            try {
                core.sessionLicenses().open(tenant, SessionReport.live(null, "extra", "Web widget"));
            } catch (Refusal full) {
                refused++;
            }
        }
    }

    private static void time(String what, Runnable work) {
        for (int i = 0; i < 20; i++) {
            work.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            work.run();
        }
        System.out.printf("%s: %.2f ms each (%d runs)%n", what, ms(System.nanoTime() - start) / RUNS, RUNS);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
