package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** What "alerts" answers in chat: where alerts go, the levels, live and recent incidents. */
@Command(name = "show", description = "Show where a tenant's alerts go, the levels, and live and recent alerts.")
final class AlertsShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    AlertsShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AlertsView view;
        try (CliContext.OpenCore open = context.openCore()) {
            Tenant tenant = open.core().tenants().require(tenantId);
            view = open.core().alerts().answer(tenant, Actor.cli(tenantId), null, new AlertsChange.Show());
        }
        view.lines().forEach(context.out()::println);
        return Cli.OK;
    }
}
