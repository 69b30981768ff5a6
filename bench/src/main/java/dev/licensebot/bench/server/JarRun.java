package dev.licensebot.bench.server;

import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.HttpLoad;
import dev.licensebot.bench.Latencies;
import dev.licensebot.bench.Report;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * B5 and B2 on the real jar in its own JVM: start-up to /readyz on the embedded default (a fresh
 * temp dir each time), its RSS idle; then the jar on the benchmark MariaDB under 32 keep-alive
 * clients sending heartbeats, against /healthz on the same server, with its RSS idle and under load.
 */
public final class JarRun {

    static final int CLIENTS = 32;
    /** What an agent application reports: one open chat, three conversations so far. */
    static final String HEARTBEAT = heartbeatJson();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path launcher;
    private final Map<String, String> launcherEnv;
    private final BenchDatabase db;

    /**
     * Runs {@code jar} through {@code launcher} as operations.md deploys them: both in one
     * directory. {@code javaOpts}: the launcher's JAVA_OPTS, to compare JVM options; null for its
     * defaults, as documented.
     */
    public JarRun(Path jar, Path launcher, String javaOpts, BenchDatabase db) {
        this.launcher = install(jar, launcher);
        this.launcherEnv = javaOpts == null ? Map.of() : Map.of("JAVA_OPTS", javaOpts);
        this.db = db;
    }

    static Path install(Path jar, Path launcher) {
        try {
            Path dir = Files.createTempDirectory("licensebot-install-");
            dir.toFile().deleteOnExit();
            Path installed = Files.copy(launcher, dir.resolve("licensebot"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.createSymbolicLink(dir.resolve("licensebot.jar"), jar.toAbsolutePath());
            installed.toFile().deleteOnExit();
            dir.resolve("licensebot.jar").toFile().deleteOnExit();
            // The class-data sharing archive the build makes beside the jar, which the launcher uses
            // when it lies beside the jar it runs (docs/operations.md); without it B5 would time a
            // start the product does not make.
            Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
            if (Files.exists(archive)) {
                Files.createSymbolicLink(dir.resolve("licensebot.jsa"), archive.toAbsolutePath());
                dir.resolve("licensebot.jsa").toFile().deleteOnExit();
            }
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** B5: {@code starts} cold starts on the embedded default; ready times and idle RSS. */
    public void startUp(Report report, int starts) {
        long[] ready = new long[starts];
        double rss = 0;
        for (int i = 0; i < starts; i++) {
            Path dir = tempDir();
            try (JarProcess p = JarProcess.start(launcher, dir, launcherEnv, READY_TIMEOUT)) {
                ready[i] = p.ready().toNanos();
                rss = Math.max(rss, settledRss(p));
            } finally {
                delete(dir);
            }
        }
        Latencies l = Latencies.of(ready);
        System.out.println("B5 ready " + l + ", idle RSS " + rss + " MiB");
        report.table(List.of("what", "measured", "goal"), List.of(
                List.of("start-up to `/readyz` 200, embedded default, fresh dir (" + starts + " starts)",
                        "median " + Report.ms(l.p50()) + ", max " + Report.ms(l.millis(100)),
                        Report.verdict(l.millis(100) < 3000) + " (< 3 s)"),
                List.of("RSS idle after start-up, embedded default (max of the starts)", Report.num(rss, 0) + " MiB",
                        Report.verdict(rss < 300) + " (< 300 MB)")));
    }

    /** B2 (+ B5's RSS under load): heartbeats vs /healthz, {@code seconds} each, healthz before and after. */
    public void heartbeats(Report report, int seconds, int warmupSeconds) {
        LicenseCore core = new LicenseCore(db.jdbi(), Clock.systemUTC());
        Tenants.CreatedTenant tenant = core.tenants().create(new Tenants.NewTenant("B2", "UTC", 1000, 10,
                Duration.ofDays(7)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            ids.add(core.sessionLicenses().open(tenant.tenant(), SessionReport.live("hb-" + i, "agent" + i, "Web widget"))
                    .session().id());
        }
        Path dir = tempDir();
        Map<String, String> env = new java.util.HashMap<>(launcherEnv);
        env.putAll(Map.of("DATABASE_URL", db.settings().url(), "DATABASE_USER", db.settings().user(),
                "DATABASE_PASSWORD", db.settings().password()));
        try (JarProcess p = JarProcess.start(launcher, dir, env, READY_TIMEOUT)) {
            HttpLoad load = new HttpLoad();
            HttpRequest healthz = HttpRequest.newBuilder(p.uri("/healthz")).GET().build();
            java.util.function.IntFunction<HttpRequest> heartbeat = client -> HttpRequest.newBuilder(
                            p.uri("/api/v1/sessions/" + ids.get(client) + "/activity"))
                    .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(HEARTBEAT))
                    .build();
            double idle = settledRss(p);
            Duration time = Duration.ofSeconds(seconds);
            load.run(CLIENTS, Long.MAX_VALUE, Duration.ofSeconds(warmupSeconds), c -> healthz, 200);
            load.run(CLIENTS, Long.MAX_VALUE, Duration.ofSeconds(warmupSeconds), heartbeat, 200);
            HttpLoad.Result before = load.run(CLIENTS, Long.MAX_VALUE, time, c -> healthz, 200);
            RssSampler sampler = RssSampler.start(p);
            HttpLoad.Result beats = load.run(CLIENTS, Long.MAX_VALUE, time, heartbeat, 200);
            double loaded = sampler.stop();
            HttpLoad.Result after = load.run(CLIENTS, Long.MAX_VALUE, time, c -> healthz, 200);
            double baseline = (before.perSecond() + after.perSecond()) / 2;
            double ratio = beats.perSecond() / baseline;
            System.out.println("B2 healthz " + before + " / " + after + "; heartbeats " + beats + "; RSS idle " + idle
                    + " MiB, loaded " + loaded + " MiB");
            report.table(List.of("32 keep-alive clients, " + seconds + " s each", "req/s", "p50", "p99", "failed"),
                    List.of(loadRow("`GET /healthz` (before)", before), loadRow("`POST /api/v1/sessions/{id}/activity`", beats),
                            loadRow("`GET /healthz` (after)", after)));
            report.table(List.of("what", "measured", "goal"), List.of(
                    List.of("B2: heartbeats/s ÷ mean healthz/s", Report.ratio(ratio),
                            Report.verdict(ratio >= 0.3) + " (≥ 0.3×)"),
                    List.of("B5: RSS idle, jar on MariaDB", Report.num(idle, 0) + " MiB",
                            Report.verdict(idle < 300) + " (< 300 MB)"),
                    List.of("B5: RSS under B2's heartbeat load (max, sampled every 250 ms)",
                            Report.num(loaded, 0) + " MiB", Report.verdict(loaded < 300) + " (< 300 MB)")));
            if (before.failures() + beats.failures() + after.failures() > 0) {
                report.text("Some requests failed (see the table); their times are not in the percentiles.");
            }
        } finally {
            delete(dir);
        }
    }

    private static String heartbeatJson() {
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        body.putArray("openInteractions").addObject().put("name", "Chat").put("instances", 1);
        body.put("conversations", 3);
        return body.toString();
    }

    private static List<String> loadRow(String what, HttpLoad.Result r) {
        return List.of(what, Report.num(r.perSecond(), 0), Report.ms(r.latencies().p50()),
                Report.ms(r.latencies().p99()), String.valueOf(r.failures()));
    }

    /** RSS a moment after start-up, once the JVM has stopped growing from its start-up work. */
    private static double settledRss(JarProcess p) {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        return p.rssMiB();
    }

    /** Samples the process's RSS every 250 ms on its own thread; the maximum seen. */
    private static final class RssSampler {
        private final Thread thread;
        private final AtomicLong maxKiB = new AtomicLong();
        private volatile boolean running = true;

        private RssSampler(JarProcess p) {
            thread = new Thread(() -> {
                while (running) {
                    maxKiB.accumulateAndGet((long) (p.rssMiB() * 1024), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
                }
            }, "rss-sampler");
        }

        static RssSampler start(JarProcess p) {
            RssSampler sampler = new RssSampler(p);
            sampler.thread.start();
            return sampler;
        }

        double stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return maxKiB.get() / 1024.0;
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("licensebot-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
