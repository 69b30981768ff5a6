package dev.licensebot.server.cli;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.server.console.Console;
import dev.licensebot.server.console.ConsoleUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "console",
        description = {"Chat with licensebot in the terminal: the same words and answers as in Slack",
                "and Teams (usage, active, history …, audit …, terminate …, replenish …,",
                "help), confirmations answered by typing yes. Acts as the operator with this",
                "email, with their role; refused if they are not an operator of the tenant.",
                "quit, exit or the end of input (Ctrl+D) leaves. Log lines below WARN are not",
                "shown meanwhile (the audit log is still recorded in the database).",
                "",
                "Uses DATABASE_URL like the other commands; --demo uses the demo's embedded",
                "database instead, also while `demo` is running."})
final class ConsoleCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id (the demo's: demo).")
    String tenantId;

    @Option(names = "--as", required = true, paramLabel = "EMAIL",
            description = "Your email, as granted with `operator grant` (the demo's admin: demo@example.com).")
    String email;

    @Option(names = "--demo", description = "Use the demo's embedded database in ./data, whatever DATABASE_URL says.")
    boolean demo;

    ConsoleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        // The conversation is the output: INFO lines (the audit's, in UTC) would land between the answers.
        try (QuietLogs quiet = QuietLogs.warningsOnly();
             CliContext.OpenCore open = context.openCore(demo ? context.demoDatabase() : context.database())) {
            LicenseCore core = open.core();
            // Refusals here (no such tenant, not an operator) end the command with their one line and exit 2.
            Tenant tenant = core.tenants().require(tenantId);
            Caller caller = new Caller(tenant, core.operators().resolve(tenant.id(), email, Surface.CLI));
            // A terminal follows no link, so counts stay plain numbers.
            ConsoleUser user = new ConsoleUser(caller, core.conversation(ConversationLinks.none()));
            new Console(user, context.in(), context.out(), context.clock()).run();
        }
        return Cli.OK;
    }
}
