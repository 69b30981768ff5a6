package dev.licensebot.server.cli;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "demo",
        description = {"Try it out: a demo tenant with 30 days of history, then serve.",
                "",
                "Always uses the embedded H2 database in ./data: DATABASE_URL,",
                "DATABASE_USER and DATABASE_PASSWORD are ignored. Listens on",
                "127.0.0.1 only, at PORT (default 3978).",
                "Starting again reuses the demo tenant and adds only the days since.",
                "The demo tenant's API key is printed once, on stdout, when the tenant",
                "is created at the first start; it is never logged (LOG_FORMAT=json",
                "logs the rest of the banner) and only its hash is stored. Delete",
                "./data to start over with a new demo tenant and key."})
final class DemoCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        // Demo data must never land in a production database, so the environment's database is ignored.
        ServerSettings settings = ServerRunner.settings(spec, context)
                .withDb(context.demoDatabase())
                .withHost("127.0.0.1")
                .withDemo();
        context.err().println("licensebot demo: loading the demo tenant into the "
                + settings.db().describe() + " ...");
        context.err().flush();
        DemoData.Loaded loaded;
        try (Database database = Database.open(settings.db(), 2)) {
            loaded = new DemoData(new LicenseCore(database.jdbi(), context.clock()), context.clock()).load();
        }
        return ServerRunner.run(context, settings, server -> banner(loaded, settings, server.port()));
    }

    /** The key itself is the banner's secret: printed on stdout only, never logged. */
    private static Banner banner(DemoData.Loaded loaded, ServerSettings settings, int port) {
        String key = loaded.tenantCreated()
                ? "API key: printed on stdout (shown only now; only its hash is stored)"
                : "API key: printed when the demo tenant was created at the first start; delete ./data for a new one";
        Optional<String> secret = loaded.tenantCreated()
                ? Optional.of("API key: " + loaded.apiKey() + "  (demo tenant " + loaded.tenant().id() + ")")
                : Optional.empty();
        return new Banner(String.join(System.lineSeparator(),
                "licensebot DEMO is listening on " + ServerRunner.url(settings.host(), port)
                        + " - 127.0.0.1 only, not reachable from other machines; database: "
                        + settings.db().describe(),
                "Demo tenant \"" + loaded.tenant().name() + "\", id " + loaded.tenant().id() + ", time zone "
                        + loaded.tenant().zone() + "; advanced admin " + DemoData.ADMIN_EMAIL,
                (loaded.tenantCreated() ? "Created it with " : "Reused it; added ") + loaded.sessionsImported()
                        + " past sessions, " + loaded.liveSessionsOpened() + " live sessions and "
                        + loaded.usersAdded() + " users.",
                "Chat: Slack workspaces and Teams conversations linked to no tenant are served from this demo "
                        + "tenant as " + DemoData.ADMIN_EMAIL + " (advanced admin).",
                key), secret);
    }
}
