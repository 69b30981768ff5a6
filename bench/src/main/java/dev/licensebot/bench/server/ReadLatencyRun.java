package dev.licensebot.bench.server;

import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.Latencies;
import dev.licensebot.bench.Report;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * B4: the read side over the REST API (usage figures, active list page 1 and page 200) with a
 * history of a given size, against {@code SELECT COUNT(*)} of the tenant's rows over JDBC.
 */
public final class ReadLatencyRun {

    private final ServerRig rig;
    private final BenchDatabase db;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> firstCalls = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();

    public ReadLatencyRun(ServerRig rig, BenchDatabase db) {
        this.rig = rig;
        this.db = db;
    }

    /** One of each, checked; returns the usage JSON (the smoke test looks at it). */
    public static String once(ServerRig rig, BenchDatabase db) {
        String usage = get(rig, rig.api("/api/v1/usage"));
        ChatLatencyRun.require(usage.contains("\"session\"") || usage.contains("SESSION"), "usage JSON: " + usage);
        get(rig, rig.api("/api/v1/sessions?page=1"));
        get(rig, rig.api("/api/v1/sessions?page=200"));
        ChatLatencyRun.require(count(rig, db) > 0, "the tenant has sessions");
        return usage;
    }

    /**
     * Measures at the history size now loaded; {@code kept} is what the peak keeper did at the
     * loaded days' closes and {@code firstUsageMillis} the first usage call after it, cold.
     */
    public void measure(String label, long historyRows, DayCloses.Result kept, double firstUsageMillis, int warmup,
                        int rounds) {
        once(rig, db);
        HttpRequest usage = rig.api("/api/v1/usage");
        HttpRequest page1 = rig.api("/api/v1/sessions?page=1");
        HttpRequest page200 = rig.api("/api/v1/sessions?page=200");
        Sampler sampler = new Sampler().untilJitQuiet(Sampler.JIT_LIMIT);
        List<Latencies> l = sampler
                .add(() -> get(rig, usage))
                .add(() -> get(rig, page1))
                .add(() -> get(rig, page200))
                // One COUNT(*) every 10th round: at 3 M rows each takes seconds (100 samples, not 1,000).
                .add(() -> count(rig, db), 10)
                .add(() -> get(rig, rig.healthz()))
                .run(warmup, rounds);
        Latencies count = l.get(3);
        warmUps.add(label + ": " + sampler.warmedUp());
        long rowsPerUsage = rowsReadPerCall(usage, 20);
        System.out.println("B4 " + label + " (warm-up " + sampler.warmedUp() + "): usage " + l.get(0) + " (" + rowsPerUsage + " rows read a call), page1 "
                + l.get(1) + ", page200 " + l.get(2)
                + ", count " + count + ", healthz " + l.get(4));
        String size = label + " (" + Report.num(historyRows, 0) + " rows)";
        rows.add(row(size, "`GET /api/v1/usage` (after its first call; MariaDB read " + Report.num(rowsPerUsage, 0)
                        + " rows a call)", l.get(0), count, true));
        firstCalls.add(List.of(size, Report.ms(kept.throughDaysMillis()), kept.closes() + " runs, "
                        + Report.ms(kept.closesMillis()) + " in all, mean " + Report.ms(kept.meanCloseMillis())
                        + ", slowest " + Report.ms(kept.slowestCloseMillis()) + "; " + kept.computedDays()
                        + " pool-days stored", Report.ms(kept.nowMillis()), Report.ms(firstUsageMillis),
                Report.verdict(firstUsageMillis < 100) + " (< 100 ms)"));
        rows.add(row(size, "`GET /api/v1/sessions?page=1`", l.get(1), count, false));
        rows.add(row(size, "`GET /api/v1/sessions?page=200`", l.get(2), count, false));
        rows.add(row(size, "baseline: `SELECT COUNT(*)` of the tenant's sessions (JDBC)", count, count, false));
        rows.add(row(size, "for scale: `GET /healthz`", l.get(4), count, false));
    }

    /**
     * What MariaDB read for one call, from its global handler counters around {@code calls}
     * sequential calls: a plan that scans shows here whatever the machine's load (issue 7 saw
     * whole B4 phases slow at p50 that a slow-query log did not catch again). Anything else using
     * the server at the same time counts too, so on a shared machine it is an upper bound.
     */
    private long rowsReadPerCall(HttpRequest request, int calls) {
        long before = rowsRead();
        for (int i = 0; i < calls; i++) {
            get(rig, request);
        }
        return (rowsRead() - before) / calls;
    }

    private long rowsRead() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS "
                + "WHERE VARIABLE_NAME IN ('HANDLER_READ_FIRST', 'HANDLER_READ_KEY', 'HANDLER_READ_LAST', "
                + "'HANDLER_READ_NEXT', 'HANDLER_READ_PREV', 'HANDLER_READ_RND', 'HANDLER_READ_RND_NEXT')")
                .mapTo(Long.class).one());
    }

    /** The first usage call after the keeper ran, cold; its time in ms. */
    public double firstUsage() {
        long t0 = System.nanoTime();
        get(rig, rig.api("/api/v1/usage"));
        return (System.nanoTime() - t0) / 1e6;
    }

    public void report(Report report) {
        report.table(List.of("history", "request", "p50", "p99", "p99 / COUNT(*) p99", "goal"), rows);
        report.text("The first usage call of a day finds the completed days' peaks stored by the peak keeper "
                + "(issue 24), which the server runs every minute. Here one run a minute before each loaded day's "
                + "close stands for the day's runs, one run 30 s after the close stores the day, one run now settles "
                + "today so far, each timed apart (bench/NOTES.md); then the bench tenant's first "
                + "`GET /api/v1/usage` is timed, cold.");
        report.table(List.of("history", "peak keeper through the loaded days (one run a day, added up)",
                "peak keeper at each loaded day's close", "peak keeper now",
                "first `GET /api/v1/usage` after it (cold)", "goal"), firstCalls);
        report.text("Untimed warm-up before each size: " + String.join("; ", warmUps) + ".");
    }

    private static List<String> row(String size, String what, Latencies l, Latencies count, boolean usage) {
        return List.of(size, what, Report.ms(l.p50()), Report.ms(l.p99()), Report.ratio(l.p99() / count.p99()),
                usage ? Report.verdict(l.p99() < 20) + " (p99 < 20 ms)" : "");
    }

    private static String get(ServerRig rig, HttpRequest request) {
        HttpResponse<String> response = rig.send(request);
        ChatLatencyRun.require(response.statusCode() == 200, request.uri() + " answered " + response.statusCode()
                + ": " + response.body());
        return response.body();
    }

    private static long count(ServerRig rig, BenchDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM agent_session WHERE tenant_id = :t")
                .bind("t", rig.tenant().id()).mapTo(Long.class).one());
    }
}
