package dev.licensebot.bench.server;

import dev.licensebot.bench.BenchDatabase;
import dev.licensebot.bench.HttpLoad;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenants;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * By hand, not part of the report: B2's load held longer, to profile and to compare builds (issue 7).
 * Every jar given runs at once, each its own JVM through the launcher on one benchmark database;
 * after a warm-up, phases of /healthz and heartbeats alternate over the jars, so the machine's noise
 * lands on each alike. Each phase prints its rate and the CPU it cost per request: the server JVM's,
 * and MariaDB's (all of mariadbd, and only the threads serving this database's connections), from
 * /proc utime + stime.
 *
 * A jar may carry driver options for its database URL: {@code A.jar?useServerPrepStmts=true}.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.licensebot.bench.server.HeartbeatSoak
 *     --jars A.jar,B.jar --launcher bin/licensebot [--java-opts OPTS] [--warmup 30] [--seconds 20] [--rounds 3]</pre>
 */
public final class HeartbeatSoak {

    private static final long TICKS_PER_SECOND = 100;

    private record Server(String label, JarProcess process, IntFunction<HttpRequest> heartbeat, HttpRequest healthz) {
    }

    public static void main(String[] args) throws Exception {
        List<String> jars = List.of(option(args, "--jars", "server/target/licensebot.jar").split(","));
        Path launcher = Path.of(option(args, "--launcher", "bin/licensebot"));
        String javaOpts = option(args, "--java-opts", null);
        int warmup = Integer.parseInt(option(args, "--warmup", "30"));
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int rounds = Integer.parseInt(option(args, "--rounds", "3"));
        long mariadb = mariadbPid();
        List<Path> dirs = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        try (BenchDatabase db = BenchDatabase.create()) {
            LicenseCore core = new LicenseCore(db.jdbi(), Clock.systemUTC());
            for (int j = 0; j < jars.size(); j++) {
                Path dir = JarRun.tempDir();
                dirs.add(dir);
                servers.add(start(db, core, "ABCDEFGH".substring(j, j + 1), jars.get(j), launcher, javaOpts, dir));
            }
            HttpLoad load = new HttpLoad();
            Duration warm = Duration.ofSeconds(warmup);
            for (Server s : servers) {
                load.run(JarRun.CLIENTS, Long.MAX_VALUE, warm, c -> s.healthz(), 200);
                load.run(JarRun.CLIENTS, Long.MAX_VALUE, warm, s.heartbeat(), 200);
            }
            Duration time = Duration.ofSeconds(seconds);
            for (int r = 0; r < rounds; r++) {
                for (Server s : servers) {
                    phase(load, db, mariadb, s, "healthz", c -> s.healthz(), time);
                    phase(load, db, mariadb, s, "heartbeat", s.heartbeat(), time);
                }
            }
        } finally {
            servers.forEach(s -> s.process().close());
            dirs.forEach(JarRun::delete);
        }
    }

    private static Server start(BenchDatabase db, LicenseCore core, String label, String jarAndParams, Path launcher,
                                String javaOpts, Path dir) {
        Tenants.CreatedTenant tenant = core.tenants().create(new Tenants.NewTenant("soak-" + label, "UTC", 1000, 10,
                Duration.ofDays(7)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JarRun.CLIENTS; i++) {
            ids.add(core.sessionLicenses().open(tenant.tenant(), SessionReport.live("hb-" + i, "agent" + i, "Web widget"))
                    .session().id());
        }
        String[] parts = jarAndParams.split("\\?", 2);
        Path jar = Path.of(parts[0]);
        String url = db.settings().url() + (parts.length > 1 ? "?" + parts[1] : "");
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", url,
                "DATABASE_USER", db.settings().user(), "DATABASE_PASSWORD", db.settings().password()));
        if (javaOpts != null) {
            env.put("JAVA_OPTS", javaOpts.replace("{label}", label));
        }
        JarProcess p = JarProcess.start(JarRun.install(jar, launcher), dir, env, Duration.ofSeconds(60));
        System.out.println(label + " = " + jarAndParams + ", pid " + p.pid());
        IntFunction<HttpRequest> heartbeat = client -> HttpRequest.newBuilder(
                        p.uri("/api/v1/sessions/" + ids.get(client) + "/activity"))
                .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JarRun.HEARTBEAT)).build();
        return new Server(label, p, heartbeat, HttpRequest.newBuilder(p.uri("/healthz")).GET().build());
    }

    private static void phase(HttpLoad load, BenchDatabase db, long mariadb, Server s, String what,
                              IntFunction<HttpRequest> request, Duration time) throws IOException {
        List<Long> threads = connectionThreads(db);
        Path jvmStat = Path.of("/proc", String.valueOf(s.process().pid()), "stat");
        long jvm0 = ticks(jvmStat);
        long jvmSys0 = systemTicks(jvmStat);
        long db0 = ticks(Path.of("/proc", String.valueOf(mariadb), "stat"));
        long conn0 = threadTicks(mariadb, threads);
        String load0 = loadAverage();
        Map<String, Long> status0 = status(db);
        HttpLoad.Result r = load.run(JarRun.CLIENTS, Long.MAX_VALUE, time, request, 200);
        long jvm = ticks(jvmStat) - jvm0;
        long jvmSys = systemTicks(jvmStat) - jvmSys0;
        long dbAll = ticks(Path.of("/proc", String.valueOf(mariadb), "stat")) - db0;
        long conn = threadTicks(mariadb, threads) - conn0;
        Map<String, Long> status1 = status(db);
        double n = r.requests();
        System.out.printf(Locale.ROOT, "%s %-9s %7.0f/s p50 %6.2f ms p99 %6.2f ms  JVM %6.1f µs (kernel %5.1f)  mariadbd %6.1f µs"
                        + " (connections %6.1f µs)  per request (whole server): updates %.2f commits %.3f set_option %.3f"
                + " questions %.2f  failed %d  load %s -> %s%n", s.label(), what, r.perSecond(),
                r.latencies().p50(), r.latencies().p99(), micros(jvm, n), micros(jvmSys, n), micros(dbAll, n),
                micros(conn, n), delta(status0, status1, "COM_UPDATE") / n, delta(status0, status1, "COM_COMMIT") / n,
                delta(status0, status1, "COM_SET_OPTION") / n, delta(status0, status1, "QUESTIONS") / n, r.failures(),
                load0, loadAverage());
    }

    /** MariaDB's global counters: every client's, so only a guide on a shared server. */
    private static Map<String, Long> status(BenchDatabase db) {
        Map<String, Long> values = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                        + "('Com_update', 'Com_commit', 'Com_set_option', 'Questions')")
                .map((rs, ctx) -> Map.entry(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2)))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    private static double delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }

    private static double micros(long ticks, double requests) {
        return ticks * 1e6 / TICKS_PER_SECOND / requests;
    }

    /** The OS threads of MariaDB serving connections to the benchmark database. */
    private static List<Long> connectionThreads(BenchDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT tid FROM information_schema.processlist WHERE db = :db")
                .bind("db", db.name()).mapTo(Long.class).list());
    }

    private static long threadTicks(long pid, List<Long> tids) throws IOException {
        long sum = 0;
        for (long tid : tids) {
            Path stat = Path.of("/proc", String.valueOf(pid), "task", String.valueOf(tid), "stat");
            if (Files.exists(stat)) {
                sum += ticks(stat);
            }
        }
        return sum;
    }

    /** utime + stime, fields 14 and 15 of a stat file. */
    private static long ticks(Path stat) throws IOException {
        String[] f = statFields(stat);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** stime alone: the kernel's share. */
    private static long systemTicks(Path stat) throws IOException {
        return Long.parseLong(statFields(stat)[12]);
    }

    /** A stat file's fields after the parenthesised name (which may itself hold spaces), from field 3 on. */
    private static String[] statFields(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).split(" ");
    }

    private static long mariadbPid() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> comm(p).equals("mariadbd")).mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no mariadbd process"));
        }
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim();
        } catch (IOException e) {
            // The process ended between listing /proc and reading its name: it is not mariadbd.
            return "";
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
