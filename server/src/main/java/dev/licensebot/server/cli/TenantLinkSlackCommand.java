package dev.licensebot.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "link-slack",
        description = {"Serve a Slack workspace from this tenant.",
                "A workspace belongs to one tenant: linking it again moves it."})
final class TenantLinkSlackCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--team", required = true, paramLabel = "TEAM_ID", description = "Slack team id, e.g. T0123ABCD.")
    String teamId;

    TenantLinkSlackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (CliContext.OpenCore open = context.openCore()) {
            open.core().tenants().linkSlackTeam(tenantId, teamId);
        }
        context.out().println("Slack workspace " + teamId.trim() + " is now linked to tenant " + tenantId + ".");
        return Cli.OK;
    }
}
