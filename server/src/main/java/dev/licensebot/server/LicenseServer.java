package dev.licensebot.server;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import io.javalin.Javalin;

import java.time.Clock;
import java.util.Map;

/** The running server: the core on its database, behind Javalin. */
public final class LicenseServer implements AutoCloseable {

    private final Database database;
    private final LicenseCore core;
    private final Javalin app;

    private LicenseServer(Database database, LicenseCore core, Javalin app) {
        this.database = database;
        this.core = core;
        this.app = app;
    }

    /** Opens the database (migrating it), wires everything and starts listening. */
    public static LicenseServer start(ServerSettings settings, Clock clock) {
        Database database = Database.open(settings.db(), 16);
        LicenseCore core = new LicenseCore(database.jdbi(), clock);
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/readyz", ctx -> {
                boolean ready = database.reachable();
                ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "database unreachable"));
            });
        });
        app.start();
        return new LicenseServer(database, core, app);
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
        database.close();
    }
}
