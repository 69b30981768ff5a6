package dev.licensebot.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** `licensebot.jar` alone serves, as a container platform would start it. */
// INHERIT gives every sub-command --help and --version too.
@Command(name = "licensebot.jar", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        version = "licensebot 0.1.0",
        description = {"The licensebot server and its operator commands.",
                "With no command, licensebot.jar serves (same as `serve`).",
                "",
                "Commands that use the database read DATABASE_URL, DATABASE_USER and",
                "DATABASE_PASSWORD; without DATABASE_URL they use the embedded H2",
                "database in ./data. `demo` always uses the embedded database.",
                ""})
final class RootCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    RootCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(spec, context);
    }
}
