package dev.licensebot.bench.server;

import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.Latencies;
import dev.licensebot.bench.SessionLoader;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.usage.DailyPeakRepository;
import dev.licensebot.core.usage.HoldingChanges;
import dev.licensebot.core.usage.UsageRepository;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * By-hand timing of {@code GET /api/v1/usage} with a busy today (not part of run.sh): loads a
 * tenant with {@code --today N} sessions so far today, {@code --days D} earlier days at the same
 * daily rate and 5,000 open sessions, then samples the usage call and, one by one, the queries it
 * is made of, so the dominant part shows. Usage: {@code java -cp benchmarks.jar
 * dev.licensebot.bench.server.UsageTiming [--today 100000] [--days 3] [--rounds 500] [--ahead-minutes 15]}.
 */
public final class UsageTiming {

    private static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");
    private static final int OPEN_SESSIONS = 5_000;

    private UsageTiming() {
    }

    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int today = Integer.parseInt(option(args, "--today", "100000"));
        int days = Integer.parseInt(option(args, "--days", "3"));
        int rounds = Integer.parseInt(option(args, "--rounds", "500"));
        int ahead = Integer.parseInt(option(args, "--ahead-minutes", "15"));
        try (BenchDatabase db = BenchDatabase.create(); ServerRig rig = ServerRig.start(db, ZONE, 1_000_000)) {
            String tenantId = rig.tenant().id();
            Instant now = Instant.now();
            long elapsed = Duration.between(LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant(), now)
                    .toSeconds();
            SessionLoader loader = new SessionLoader(db.dataSource());
            loader.open(tenantId, "open", OPEN_SESSIONS, now);
            int perDay = (int) (today * 86_400L / Math.max(1, elapsed));
            // Loaded on for a while past now: the data is static, so without this a call made minutes
            // after loading would find no sessions at all since its checkpoint, unlike under real
            // traffic. Sessions "from the future" are read as well, so this errs on the slow side.
            Instant loadedUntil = now.plus(Duration.ofMinutes(ahead));
            long todayRows = loader.history(tenantId, ZONE, 0, 1, perDay, loadedUntil, "t");
            long pastRows = loader.history(tenantId, ZONE, 1, 1 + days, perDay, now, "p");
            db.jdbi().useHandle(h -> h.execute("ANALYZE TABLE agent_session"));
            System.out.printf("Loaded %,d sessions today (%.1f h in, loaded %d min ahead), %,d on %d earlier days, "
                    + "%d open; loading took %.0f s%n", todayRows, elapsed / 3600.0, ahead, pastRows, days,
                    OPEN_SESSIONS, Duration.between(now, Instant.now()).toMillis() / 1e3);

            long t0 = System.nanoTime();
            ReadLatencyRun.once(rig, db);
            System.out.printf("cold first usage call: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            List<Latencies> l = new Sampler()
                    .add(() -> rig.send(rig.api("/api/v1/usage")))
                    .add(() -> rig.send(rig.healthz()))
                    .run(Math.min(50, rounds / 5), rounds);
            System.out.println("GET /api/v1/usage: " + l.get(0));
            System.out.println("GET /healthz:      " + l.get(1));
            parts(db.jdbi(), tenantId, rounds).forEach((what, lat) -> System.out.printf("  %-44s %s%n", what, lat));
        }
    }

    /** Each query of a usage call on its own, over the same data. */
    private static Map<String, Latencies> parts(Jdbi jdbi, String tenantId, int rounds) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Instant dayStart = today.atStartOfDay(ZONE).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        // The newest settled checkpoint, as TodayPeak picks it (1-minute UTC grid, 5 minutes back).
        Instant checkpoint = Instant.ofEpochMilli(Math.floorDiv(now.minus(Duration.ofMinutes(5)).toEpochMilli(),
                60_000L) * 60_000L);
        Map<String, Consumer<org.jdbi.v3.core.Handle>> queries = new LinkedHashMap<>();
        queries.put("earliestSessionStart", h -> h.attach(UsageRepository.class).earliestSessionStart(tenantId));
        queries.put("historyVersion", h -> h.attach(DailyPeakRepository.class).historyVersion(tenantId));
        queries.put("cached 29 days", h -> h.attach(DailyPeakRepository.class).cached(tenantId, EnumSet.of(Pool.SESSION),
                today.minusDays(29), today.minusDays(1)));
        queries.put("session intervals since the checkpoint", h -> h.attach(UsageRepository.class)
                .intervals(tenantId, Pool.SESSION, checkpoint, dayEnd));
        queries.put("session takes and releases since the checkpoint", h -> h.attach(HoldingChanges.class)
                .changes(tenantId, Pool.SESSION, checkpoint, dayEnd, checkpoint));
        queries.put("sessions held at the day's start (cold only)", h -> h.attach(HoldingChanges.class)
                .heldAt(tenantId, Pool.SESSION, dayStart));
        queries.put("user intervals, all of today", h -> h.attach(UsageRepository.class)
                .intervals(tenantId, Pool.USER, dayStart, dayEnd));
        queries.put("denials today, both pools", h -> h.attach(UsageRepository.class)
                .denials(tenantId, EnumSet.allOf(Pool.class), dayStart, dayEnd));
        queries.put("sessions in use (COUNT)", h -> h.attach(PoolOccupancy.class).sessionsInUse(tenantId, now));
        queries.put("users in use (COUNT)", h -> h.attach(PoolOccupancy.class).usersInUse(tenantId));
        queries.put("both pools' total and use", h -> h.attach(PoolOccupancy.class).standing(tenantId, now));
        // What every call read before settled_peak; slow, so last and only a few times.
        queries.put("session intervals, all of today (20 rounds)", h -> h.attach(UsageRepository.class)
                .intervals(tenantId, Pool.SESSION, dayStart, dayEnd));
        Map<String, Latencies> result = new LinkedHashMap<>();
        queries.forEach((what, query) -> {
            int n = what.endsWith("(20 rounds)") ? Math.min(20, rounds) : rounds;
            long[] nanos = new long[n];
            jdbi.useHandle(h -> {
                for (int i = 0; i < Math.min(20, n); i++) {
                    query.accept(h);
                }
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    query.accept(h);
                    nanos[i] = System.nanoTime() - t0;
                }
            });
            result.put(what, Latencies.of(nanos));
        });
        return result;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
