package dev.licensebot.server.cli;

import dev.licensebot.core.alerts.DigestSending;
import dev.licensebot.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a tenant's weekly digest now to every place its alerts go to. The chat platforms' tokens
 * live with the running server, so this asks the servers (through the database) and waits until
 * one of them has sent it.
 */
@Command(name = "send",
        description = {"Send a tenant's weekly digest now to every channel or chat its alerts go to.",
                "A running licensebot server (any node) sends it at its next alert round",
                "(within 30 seconds); this waits for that."})
final class DigestSendCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--tenant", required = true, paramLabel = "ID", description = "The tenant's id.")
    String tenantId;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for a server to send it (default 60s; 0s: do not wait).")
    Duration wait;

    DigestSendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (CliContext.OpenCore open = context.openCore()) {
            Tenant tenant = open.core().tenants().require(tenantId);
            DigestSending digests = open.core().alerting().digests();
            int places = digests.ask(tenant);
            if (places == 0) {
                context.err().println("No channel or chat receives this tenant's alerts: type \"alerts on\" "
                        + "in one first (see docs/alerts.md).");
                return Cli.USAGE;
            }
            int waiting = awaitSent(digests, tenant, wait == null ? Duration.ofSeconds(60) : wait);
            if (waiting == 0) {
                context.out().println("Sent the weekly digest to " + places + (places == 1 ? " place." : " places."));
                return Cli.OK;
            }
            context.out().println("Asked for the weekly digest in " + places + (places == 1 ? " place" : " places")
                    + "; no server has sent it yet to " + waiting + ". A running licensebot server sends it at "
                    + "its next alert round.");
            return Cli.OK;
        }
    }

    private static int awaitSent(DigestSending digests, Tenant tenant, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        int waiting = digests.waiting(tenant);
        while (waiting > 0 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            waiting = digests.waiting(tenant);
        }
        return waiting;
    }
}
