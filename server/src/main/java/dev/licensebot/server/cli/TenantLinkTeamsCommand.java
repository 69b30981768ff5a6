package dev.licensebot.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "link-teams",
        description = {"Serve a Microsoft Teams (Entra) tenant from this tenant.",
                "An Entra tenant belongs to one tenant: linking it again moves it."})
final class TenantLinkTeamsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--entra-tenant", required = true, paramLabel = "ENTRA_TENANT_ID",
            description = "The Entra (Azure AD) tenant id Teams reports.")
    String entraTenantId;

    TenantLinkTeamsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (CliContext.OpenCore open = context.openCore()) {
            open.core().tenants().linkTeamsTenant(tenantId, entraTenantId);
        }
        context.out().println("Teams tenant " + entraTenantId.trim() + " is now linked to tenant " + tenantId + ".");
        return Cli.OK;
    }
}
