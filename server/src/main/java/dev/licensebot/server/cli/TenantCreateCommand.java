package dev.licensebot.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.tenant.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "create",
        description = {"Create a tenant and print {\"tenantId\": ..., \"apiKey\": ...} as JSON on stdout.",
                "The API key is shown this once: only its hash is stored."})
final class TenantCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The account's name.")
    String name;

    @Option(names = "--timezone", required = true, paramLabel = "ZONE",
            description = "IANA time zone that cuts days, e.g. Europe/Berlin.")
    String timeZone;

    @Option(names = "--session-licenses", required = true, paramLabel = "N",
            description = "Total of the SESSION pool.")
    int sessionLicenses;

    @Option(names = "--user-licenses", required = true, paramLabel = "N", description = "Total of the USER pool.")
    int userLicenses;

    @Option(names = "--session-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Idle time after which a session closes: 45s, 30m, 2h (default 30m).")
    Duration sessionTimeout;

    TenantCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (CliContext.OpenCore open = context.openCore()) {
            Tenants.CreatedTenant created = open.core().tenants().create(
                    new Tenants.NewTenant(name, timeZone, sessionLicenses, userLicenses, sessionTimeout));
            // A map keeps the documented field order; scripts read it with jq.
            Map<String, String> json = new LinkedHashMap<>();
            json.put("tenantId", created.tenant().id());
            json.put("apiKey", created.apiKey());
            context.out().println(new ObjectMapper().writeValueAsString(json));
        }
        return Cli.OK;
    }
}
