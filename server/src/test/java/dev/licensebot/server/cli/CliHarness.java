package dev.licensebot.server.cli;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.server.LicenseServer;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs the CLI as a shell would, capturing both streams, with the test's database in the environment. */
final class CliHarness {

    private CliHarness() {
    }

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** The environment an operator would set to point licensebot at this database. */
    static Map<String, String> env(DbSettings db) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", db.url());
        env.put("DATABASE_USER", db.user());
        env.put("DATABASE_PASSWORD", db.password());
        return env;
    }

    static Result run(DbSettings db, Clock clock, String... args) {
        return run(env(db), clock, new StoppableLifetime(), db, args);
    }

    static Result run(Map<String, String> env, Clock clock, Lifetime lifetime, DbSettings demoDb, String... args) {
        return run(env, clock, lifetime, demoDb, "", args);
    }

    /** As typed at the terminal: {@code typed} is stdin, lines ending in "\n"; its end is Ctrl+D. */
    static Result typing(DbSettings db, Clock clock, String typed, String... args) {
        return typing(env(db), clock, db, typed, args);
    }

    static Result typing(Map<String, String> env, Clock clock, DbSettings demoDb, String typed, String... args) {
        return run(env, clock, new StoppableLifetime(), demoDb, typed, args);
    }

    private static Result run(Map<String, String> env, Clock clock, Lifetime lifetime, DbSettings demoDb,
                              String typed, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new CliContext(env, new PrintWriter(out), new PrintWriter(err), clock, lifetime, demoDb,
                new BufferedReader(new StringReader(typed)))).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A server command running on another thread, held until {@link #stop()}. */
    static final class Running {
        private final StoppableLifetime lifetime;
        private final CompletableFuture<Result> result;

        Running(Map<String, String> env, Clock clock, DbSettings demoDb, String... args) {
            this.lifetime = new StoppableLifetime();
            this.result = CompletableFuture.supplyAsync(() -> run(env, clock, lifetime, demoDb, args));
            // Should the command end without serving, stop waiting for a start that cannot come.
            result.whenComplete((r, e) -> lifetime.started.completeExceptionally(
                    new AssertionError("the command ended without serving: " + (e == null ? r : e))));
        }

        LicenseServer awaitStarted() throws Exception {
            return lifetime.started.get(60, TimeUnit.SECONDS);
        }

        /** The command's result if it ends by itself within {@code wait}; else stopped, and a failed assertion. */
        Result awaitEnded(java.time.Duration wait) throws Exception {
            try {
                return result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("still running after " + wait + ": " + stop(), e);
            }
        }

        Result stop() throws Exception {
            lifetime.stop.countDown();
            return result.get(60, TimeUnit.SECONDS);
        }
    }

    /** Stands in for the JVM's shutdown: the test says when the server stops. */
    static final class StoppableLifetime implements Lifetime {
        final CompletableFuture<LicenseServer> started = new CompletableFuture<>();
        final CountDownLatch stop = new CountDownLatch(1);

        @Override
        public void hold(LicenseServer server) throws InterruptedException {
            started.complete(server);
            try {
                stop.await();
            } finally {
                server.close();
            }
        }
    }
}
