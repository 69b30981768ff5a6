package dev.licensebot.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** `licensebot.jar` alone serves, as a container platform would start it. */
// INHERIT gives every sub-command --help and --version too.
@Command(name = "licensebot.jar", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        version = "licensebot 0.1.0",
        description = {"The licensebot server and its operator commands.",
                "With no command, it serves (same as `serve`).",
                "",
                "Commands that use the database read DATABASE_URL, DATABASE_USER and",
                "DATABASE_PASSWORD; without DATABASE_URL they use the embedded H2",
                "database in ./data. `demo` always uses the embedded database.",
                ""})
final class RootCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    /**
     * bin/licensebot answers this itself, since only a new JVM started with the right options can
     * write the archive; it is declared here so the usage lists it and the jar can say where it works.
     */
    @Option(names = "--cds-archive", description = {"Remake licensebot.jsa next to the jar (the",
            "class-data sharing archive that makes starts",
            "faster) with one start-check. Through",
            "bin/licensebot only: it starts the JVM that",
            "writes the archive."})
    boolean cdsArchive;

    RootCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (cdsArchive) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cds-archive works through bin/licensebot, "
                    + "which starts the JVM that writes the archive; run bin/licensebot --cds-archive");
        }
        return ServeCommand.serve(spec, context);
    }
}
