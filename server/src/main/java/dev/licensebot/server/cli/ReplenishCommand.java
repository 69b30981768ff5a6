package dev.licensebot.server.cli;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "replenish",
        description = {"Add (+N) or remove (-N) licenses of a pool; recorded in the purchase history.",
                "A removal that would leave fewer licenses than are in use is refused."})
final class ReplenishCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--pool", required = true, paramLabel = "POOL", converter = CoreConverters.PoolConverter.class,
            description = "SESSION or USER.")
    Pool pool;

    @Option(names = "--delta", required = true, paramLabel = "+N|-N",
            description = "How many licenses to add (+10) or remove (-5).")
    int delta;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, e.g. an order number; shown in the purchase history.")
    String reason;

    ReplenishCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Replenishment done;
        try (CliContext.OpenCore open = context.openCore()) {
            Tenant tenant = open.core().tenants().require(tenantId);
            done = open.core().replenishments().apply(tenant, Actor.cli(tenantId), pool, delta, reason);
        }
        context.out().println(String.format("%s licenses %+d: the total is now %d.",
                done.pool(), done.delta(), done.totalAfter()));
        return Cli.OK;
    }
}
