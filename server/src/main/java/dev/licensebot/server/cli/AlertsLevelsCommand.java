package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** The alert levels of one pool, as an advanced admin sets them in chat with "alerts levels …". */
@Command(name = "levels",
        description = {"Set the usage levels, as percentages of the pool's total, at which alerts start",
                "and escalate (default 80,90,100). Audited like the same change made in chat."})
final class AlertsLevelsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--pool", required = true, paramLabel = "POOL", converter = CoreConverters.PoolConverter.class,
            description = "SESSION or USER.")
    Pool pool;

    @Option(names = "--levels", required = true, paramLabel = "P,P,…",
            description = "One to five ascending percentages from 1 to 100, such as 85,95,100.")
    String levels;

    AlertsLevelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AlertsView view;
        try (CliContext.OpenCore open = context.openCore()) {
            Tenant tenant = open.core().tenants().require(tenantId);
            view = open.core().alerts().answer(tenant, Actor.cli(tenantId), null, new AlertsChange.Levels(pool, levels));
        }
        context.out().println(view.sentence());
        return Cli.OK;
    }
}
