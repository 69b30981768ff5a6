package dev.licensebot.server;

import dev.licensebot.server.cli.Cli;
import dev.licensebot.server.cli.CliContext;
import dev.licensebot.server.cli.Lifetime;
import dev.licensebot.server.ops.JettyReferencesPerCacheLine;
import dev.licensebot.server.ops.LogFormat;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Entry point of licensebot.jar: the operator CLI on the real environment, streams and clock. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            LogFormat.fromEnvironment(System.getenv()).apply();
        } catch (IllegalArgumentException e) {
            err.println("licensebot: " + e.getMessage());
            System.exit(2);
        }
        JettyReferencesPerCacheLine.apply();
        int code = new Cli(CliContext.of(System.getenv(), out, err, Clock.systemUTC(), Lifetime.untilJvmShutdown()))
                .run(args);
        // Also ends threads a library may have left behind (pools, timers); after `serve` the JVM is
        // already shutting down and this merely waits for it.
        System.exit(code);
    }
}
