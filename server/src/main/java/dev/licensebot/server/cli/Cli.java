package dev.licensebot.server.cli;

import dev.licensebot.core.Refusal;
import dev.licensebot.server.console.Console;
import picocli.CommandLine;

import java.sql.SQLException;

/**
 * The operator CLI of licensebot.jar. {@link #run} returns the exit code instead of exiting, so
 * tests drive it like a shell would: 0 for success, 2 for anything the operator got wrong (with a
 * one-line reason on stderr), 1 for failures that are not their fault.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final CliContext context;

    public Cli(CliContext context) {
        this.context = context;
    }

    public int run(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    CommandLine commandLine() {
        CommandLine root = new CommandLine(new RootCommand(context))
                .addSubcommand(new ServeCommand(context))
                .addSubcommand(new DemoCommand(context))
                .addSubcommand("tenant", new CommandLine(new GroupCommand())
                        .addSubcommand(new TenantCreateCommand(context))
                        .addSubcommand(new TenantLinkSlackCommand(context))
                        .addSubcommand(new TenantLinkTeamsCommand(context))
                        .addSubcommand(new TenantSlackInstallLinkCommand(context)))
                .addSubcommand("operator", new CommandLine(new GroupCommand())
                        .addSubcommand(new OperatorGrantCommand(context)))
                .addSubcommand("alerts", new CommandLine(new GroupCommand())
                        .addSubcommand(new AlertsShowCommand(context))
                        .addSubcommand(new AlertsLevelsCommand(context)))
                .addSubcommand("digest", new CommandLine(new GroupCommand())
                        .addSubcommand(new DigestSendCommand(context)))
                .addSubcommand(new ReplenishCommand(context))
                .addSubcommand(new TeamsPackageCommand(context))
                .addSubcommand(new ConsoleCommand(context))
                .addSubcommand(new StartCheckCommand(context))
                // `help` and `help COMMAND`: the usage, as --help prints it.
                .addSubcommand(new CommandLine.HelpCommand());
        // The usage names the command as the operator typed it (bin/licensebot, or the jar).
        root.setCommandName(context.command());
        root.getSubcommands().get("tenant").getCommandSpec().usageMessage()
                .description("Create tenants and link Slack workspaces and Teams tenants to them.");
        root.getSubcommands().get("operator").getCommandSpec().usageMessage()
                .description("Give people roles in a tenant.");
        root.setOut(context.out());
        root.setErr(context.err());
        root.setParameterExceptionHandler(this::usageError);
        root.setExecutionExceptionHandler(this::failure);
        return root;
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        context.err().println("licensebot: " + firstLine(e.getMessage())
                + " (see: " + context.command() + " " + qualifiedName(e.getCommandLine()) + "--help)");
        return USAGE;
    }

    /** Refusals are the core telling the operator no; anything else is a fault, still without a trace. */
    private int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof Refusal refusal) {
            context.err().println("licensebot: " + Console.plain(firstLine(refusal.userMessage())));
            return USAGE;
        }
        // Name the database when it is the trouble: a wrong DATABASE_URL is the usual cause.
        String where = causedBy(e, SQLException.class) ? " (" + context.database().describe() + ")" : "";
        context.err().println("licensebot: " + commandLine.getCommandName() + " failed" + where + ": " + describe(e));
        return FAILED;
    }

    private static String qualifiedName(CommandLine commandLine) {
        StringBuilder name = new StringBuilder();
        for (CommandLine c = commandLine; c != null && c.getParent() != null; c = c.getParent()) {
            name.insert(0, c.getCommandName() + " ");
        }
        return name.toString();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, since wrappers (pools, drivers) rarely add anything an operator can use. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
