package dev.licensebot.bench.alerts;

import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.Latencies;
import dev.licensebot.bench.Report;
import dev.licensebot.bench.SessionLoader;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * B7: what the alerts cost. A periodic round evaluates every tenant with alerts on and delivers
 * what is due; a change evaluates one tenant. Measured in-process on the bench's MariaDB, growing
 * the number of watched tenants, and then the sessions and history of one of them: the round
 * should grow with the first, never with the second.
 */
public final class AlertRoundRun {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final BenchDatabase db;
    private final LicenseCore core;
    private final SessionLoader loader;
    private final List<List<String>> rows = new ArrayList<>();

    public AlertRoundRun(BenchDatabase db) {
        this.db = db;
        this.core = new LicenseCore(db.jdbi(), Clock.systemUTC());
        this.loader = new SessionLoader(db.dataSource());
        core.alerting().deliveries().register(Surface.SLACK, new Accepting());
    }

    /** The platform's side: every post accepted at once, so only licensebot's own work is timed. */
    private static final class Accepting implements AlertPoster {
        @Override
        public DeliveryOutcome post(AlertPlace place, IncidentNotice notice) {
            return new DeliveryOutcome.Delivered(UUID.randomUUID().toString());
        }

        @Override
        public DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice) {
            return new DeliveryOutcome.Delivered(messageRef);
        }

        @Override
        public DeliveryOutcome postDigest(AlertPlace place, Digest digest) {
            return new DeliveryOutcome.Delivered(null);
        }

        @Override
        public Optional<String> cannotPost(AlertPlace place) {
            return Optional.empty();
        }
    }

    /** Adds watched tenants until there are {@code count}, each with {@code sessions} open sessions. */
    public List<Tenant> watch(List<Tenant> watched, int count, int sessions) {
        List<Tenant> all = new ArrayList<>(watched);
        while (all.size() < count) {
            Tenant tenant = core.tenants().create(new Tenants.NewTenant("Alerts " + all.size(), ZONE.getId(),
                    1_000_000, 1_000_000, Duration.ofHours(8))).tenant();
            loader.open(tenant.id(), "a", sessions, Instant.now());
            core.alerts().answer(tenant, Actor.cli(tenant.id()), new AlertPlace(Surface.SLACK, "T-bench",
                    "C-" + tenant.id(), "#bench"), new AlertsChange.On());
            all.add(tenant);
        }
        return all;
    }

    /** Loads {@code openSessions} more open sessions and {@code days} of history into one tenant. */
    public long grow(Tenant tenant, int openSessions, int days, int perDay) {
        loader.open(tenant.id(), "big", openSessions, Instant.now());
        long rows = loader.history(tenant.id(), ZONE, 0, days, perDay, Instant.now(), "h");
        db.jdbi().useHandle(h -> h.execute("ANALYZE TABLE agent_session"));
        // As B4: InnoDB writing the load back would be timed as the rounds' own cost.
        db.awaitWrittenBack(Duration.ofMinutes(2));
        return rows;
    }

    /** Times whole rounds and single evaluations; one row of the report. */
    public void measure(String label, List<Tenant> watched, long historyRows, int warmup, int rounds) {
        for (int i = 0; i < warmup; i++) {
            core.alerting().round();
        }
        long[] round = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            core.alerting().round();
            round[i] = System.nanoTime() - t0;
        }
        long[] one = new long[rounds];
        Tenant first = watched.get(0);
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            core.alerting().evaluate(first.id());
            one[i] = System.nanoTime() - t0;
        }
        Latencies r = Latencies.of(round);
        Latencies e = Latencies.of(one);
        rows.add(List.of(label, Report.num(watched.size(), 0), Report.num(historyRows, 0), Report.ms(r.p50()),
                Report.ms(r.p99()), Report.ms(r.p50() / watched.size()), Report.ms(e.p50()), Report.ms(e.p99())));
    }

    public void report(Report results) {
        results.table(List.of("watched tenants and their data", "tenants watched", "history rows",
                "round p50", "round p99", "round p50 / tenant", "one tenant after a change p50", "p99"), rows);
    }

    /** The whole of B7: 10, then 100 watched tenants; then one of them with 5,000 open sessions and history. */
    public static void run(BenchDatabase db, boolean quick, Report results) {
        AlertRoundRun run = new AlertRoundRun(db);
        int warmup = quick ? 20 : 100;
        int rounds = quick ? 50 : 200;
        List<Tenant> watched = run.watch(List.of(), 10, 10);
        run.measure("10 tenants × 10 open sessions", watched, 0, warmup, rounds);
        watched = run.watch(watched, 100, 10);
        run.measure("100 tenants × 10 open sessions", watched, 0, warmup, rounds);
        int perDay = quick ? 10_000 : 100_000;
        long history = run.grow(watched.get(0), 5_000, 3, perDay);
        run.measure("100 tenants, the first with 5,000 open sessions and 3 days × " + Report.num(perDay, 0)
                + "/day", watched, history, warmup, rounds);
        results.text("## B7 — alert rounds vs watched tenants, sessions and history (MariaDB, in-process)");
        run.report(results);
        results.text("A round evaluates every watched tenant (each pool's standing, new denials; the forecast "
                + "once a tenant day) and delivers what is due, with a platform that accepts every post at once. "
                + "\"One tenant after a change\" is the evaluation a license taken, released or refused starts. "
                + "The round should grow with the tenants watched, never with one tenant's sessions or history.");
    }
}
