package dev.licensebot.server.cli;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command touches of the outside world, passed in so tests need neither the real
 * environment, System.exit nor a process: the environment variables, the two output streams, the
 * clock, how `serve` waits, where `demo` keeps its database, and what `console` reads typed lines from.
 */
public record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock,
                         Lifetime lifetime, DbSettings demoDatabase, BufferedReader in) {

    /** Without input: every command but `console` reads nothing, and the console ends at once. */
    public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock, Lifetime lifetime,
                      DbSettings demoDatabase) {
        this(env, out, err, clock, lifetime, demoDatabase, new BufferedReader(new StringReader("")));
    }

    /** The CLI as an operator runs it: `demo` uses the embedded H2 file in ./data; `console` reads stdin. */
    public static CliContext of(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock,
                                Lifetime lifetime) {
        return new CliContext(env, out, err, clock, lifetime, DbSettings.fromEnvironment(Map.of()),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    /**
     * What the operator typed to run licensebot, for the usage and the hints in error lines:
     * bin/licensebot sets LICENSEBOT_COMMAND to its own path as invoked ($0), so its users are told
     * to type that; anyone who runs the jar directly is told the jar form.
     */
    public String command() {
        String launcher = env.getOrDefault(LAUNCHER_VARIABLE, "").strip();
        return launcher.isEmpty() ? JAR_COMMAND : launcher;
    }

    public static final String LAUNCHER_VARIABLE = "LICENSEBOT_COMMAND";
    static final String JAR_COMMAND = "java -jar licensebot.jar";

    public DbSettings database() {
        return DbSettings.fromEnvironment(env);
    }

    /** A small pool: a CLI command does one thing and exits. */
    OpenCore openCore() {
        return openCore(database());
    }

    OpenCore openCore(DbSettings settings) {
        Database database = Database.open(settings, 2);
        return new OpenCore(database, new LicenseCore(database.jdbi(), clock));
    }

    /** The core on an open database; closing it closes the pool. */
    record OpenCore(Database database, LicenseCore core) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
