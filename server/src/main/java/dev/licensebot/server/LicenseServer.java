package dev.licensebot.server;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import dev.licensebot.server.slack.SlackMount;
import dev.licensebot.slack.SlackBot;
import io.javalin.Javalin;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The running server: the core on its database, behind Javalin. */
public final class LicenseServer implements AutoCloseable {

    private final Database database;
    private final LicenseCore core;
    private final Javalin app;
    private final Optional<SlackBot> slack;

    private LicenseServer(Database database, LicenseCore core, Javalin app, Optional<SlackBot> slack) {
        this.database = database;
        this.core = core;
        this.app = app;
        this.slack = slack;
    }

    /** Opens the database (migrating it), wires everything and starts listening. */
    public static LicenseServer start(ServerSettings settings, Clock clock) {
        Database database = Database.open(settings.db(), 16);
        LicenseCore core = new LicenseCore(database.jdbi(), clock);
        Optional<SlackBot> slack;
        try {
            slack = SlackMount.start(settings, core, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/readyz", ctx -> {
                boolean ready = database.reachable();
                ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "database unreachable"));
            });
            SlackMount.routes(config.routes, settings, slack);
        });
        app.start();
        return new LicenseServer(database, core, app, slack);
    }

    public int port() {
        return app.port();
    }

    public LicenseCore core() {
        return core;
    }

    @Override
    public void close() {
        app.stop();
        slack.ifPresent(SlackBot::close);
        database.close();
    }
}
