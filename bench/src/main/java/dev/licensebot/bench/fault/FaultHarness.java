package dev.licensebot.bench.fault;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Issue 21's database fault harness, one scenario a run (scripts/fault-harness.sh runs them all):
 * licensebot nodes in this JVM, one per {@code --url}, clients opening, heartbeating and closing
 * sessions through them round-robin, a fault command at {@code --fault-at} seconds and a recovery
 * command at {@code --recover-at}; then the checks: no 5xx but 503, no pool ever above its total,
 * held equal to the open sessions, and every acknowledged open and logout still in the database.
 * Prints one Markdown table row; exits 1 when a check failed.
 *
 * <p>{@code --name NAME --url JDBC_URL [--url ...] [--clients 32] [--seconds 20] [--total 1000]
 * [--fault CMD --fault-at S] [--recover CMD --recover-at S]}; the database user is root without a
 * password, as scripts/galera-cluster.sh and scripts/fault-harness.sh set it up.
 */
public final class FaultHarness {

    private FaultHarness() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        RetryCount retries = RetryCount.install();
        List<LicenseServer> nodes = new ArrayList<>();
        int exit;
        try {
            for (String url : options.urls()) {
                nodes.add(LicenseServer.start(new ServerSettings("127.0.0.1", 0, new DbSettings(url, "root", ""), null),
                        Clock.systemUTC()));
            }
            Tenants.CreatedTenant tenant = nodes.get(0).core().tenants().create(new Tenants.NewTenant(
                    "Fault harness " + UUID.randomUUID(), "UTC", options.total(), 10, Duration.ofMinutes(30)));
            Ledger ledger = new Ledger();
            try (Sampler sampler = Sampler.start(options.urls().get(0), tenant.tenant().id())) {
                Clients clients = new Clients(nodes.stream().map(LicenseServer::port).toList(), tenant.apiKey(), ledger);
                clients.run(options);
                Verdict verdict = Verdict.check(options, ledger, sampler, retries, tenant.tenant().id());
                System.out.println(verdict.row());
                verdict.problems().forEach(p -> System.out.println("FAILED: " + p));
                exit = verdict.problems().isEmpty() ? 0 : 1;
            }
        } finally {
            nodes.forEach(LicenseServer::close);
        }
        System.exit(exit);
    }

    /** The command line. */
    record Options(String name, List<String> urls, int clients, Duration length, int total, String fault,
                   Duration faultAt, String recover, Duration recoverAt) {

        static Options parse(String[] args) {
            String name = "run";
            List<String> urls = new ArrayList<>();
            int clients = 32;
            int seconds = 20;
            int total = 1000;
            String fault = null;
            String recover = null;
            double faultAt = 5;
            double recoverAt = 10;
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i].toLowerCase(Locale.ROOT)) {
                    case "--name" -> name = value;
                    case "--url" -> urls.add(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--total" -> total = Integer.parseInt(value);
                    case "--fault" -> fault = value;
                    case "--fault-at" -> faultAt = Double.parseDouble(value);
                    case "--recover" -> recover = value;
                    case "--recover-at" -> recoverAt = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("At least one --url");
            }
            return new Options(name, urls, clients, Duration.ofSeconds(seconds), total, fault,
                    Duration.ofMillis((long) (faultAt * 1000)), recover, Duration.ofMillis((long) (recoverAt * 1000)));
        }
    }
}
