package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "grant",
        description = {"Give the person with this email a role in the tenant, replacing any earlier one.",
                "Chat users are matched by the email Slack or Teams reports for them."})
final class OperatorGrantCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The person's email address.")
    String email;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = CoreConverters.RoleConverter.class,
            description = "AGENT, SUPERVISOR, ACCOUNT_ADMIN or ADVANCED_ADMIN.")
    Role role;

    OperatorGrantCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (CliContext.OpenCore open = context.openCore()) {
            // Refuses an unknown tenant before anything is written.
            open.core().tenants().require(tenantId);
            open.core().operators().grant(Actor.cli(tenantId), email, role);
        }
        context.out().println(email.trim() + " is now " + role + " of tenant " + tenantId + ".");
        return Cli.OK;
    }
}
