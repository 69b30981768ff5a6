package dev.licensebot.server.cli;

import dev.licensebot.server.ServerSettings;
import dev.licensebot.server.ops.StartupSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "serve",
        description = {"Run the server until stopped (the default with no command).",
                "",
                "Listens on all interfaces at PORT (default 3978). The database is",
                "DATABASE_URL with DATABASE_USER and DATABASE_PASSWORD, or without",
                "DATABASE_URL the embedded H2 database in ./data."})
final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return serve(spec, context);
    }

    /** Shared with the root command, which serves when given no command at all. */
    static int serve(CommandSpec spec, CliContext context) throws InterruptedException {
        ServerSettings settings = ServerRunner.settings(spec, context);
        return ServerRunner.run(context, settings, server -> Banner.of(StartupSummary.of(settings, server.port()).headline()));
    }
}
