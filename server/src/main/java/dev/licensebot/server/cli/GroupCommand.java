package dev.licensebot.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** `tenant` and `operator` only group sub-commands; alone they are a usage error naming the choices. */
@Command
final class GroupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
