package dev.licensebot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.usage.PeakKeeper;
import dev.licensebot.server.api.ApiJson;
import dev.licensebot.server.api.ApiRoutes;
import dev.licensebot.server.api.BodyLimits;
import dev.licensebot.server.api.JettyErrors;
import dev.licensebot.server.ops.GracefulStop;
import dev.licensebot.server.ops.HttpMetrics;
import dev.licensebot.server.ops.Metrics;
import dev.licensebot.server.ops.StartupSummary;
import dev.licensebot.server.pages.PublisherPages;
import dev.licensebot.server.slack.SlackMount;
import dev.licensebot.server.teams.TeamsMount;
import dev.licensebot.slack.SlackBot;
import dev.licensebot.teams.TeamsBot;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The running server: the core on its database, behind Javalin, with the timeout sweep and the peak keeper. */
public final class LicenseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LicenseServer.class);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    /**
     * A day's peak is stored within this of the day's close, and today's settled checkpoint moves
     * on as often: the first usage call of a day then reads a few minutes of changes (issue 24).
     */
    static final Duration PEAKS_EVERY = Duration.ofMinutes(1);
    /** A request in progress that neither sends nor reads for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Database database;
    private final LicenseCore core;
    private final Javalin app;
    private final PeriodicTask sweeper;
    private final PeriodicTask peaks;
    private final AlertRounds alerts;
    private final Optional<SlackBot> slack;

    private LicenseServer(Database database, LicenseCore core, Javalin app, PeriodicTask sweeper, PeriodicTask peaks,
                          AlertRounds alerts,
                          Optional<SlackBot> slack) {
        this.database = database;
        this.core = core;
        this.app = app;
        this.sweeper = sweeper;
        this.peaks = peaks;
        this.alerts = alerts;
        this.slack = slack;
    }

    /**
     * How often the background jobs run: {@link #DEFAULT}, or a test's or the bench's own.
     * {@code alertsEvery} null: this node runs no alert rounds, not even after a change.
     */
    public record Schedule(Duration sweepEvery, Duration peaksEvery, Duration alertsEvery) {
        public static final Schedule DEFAULT = new Schedule(SWEEP_EVERY, PEAKS_EVERY, AlertRounds.EVERY);

        public Schedule(Duration sweepEvery, Duration peaksEvery) {
            this(sweepEvery, peaksEvery, AlertRounds.EVERY);
        }
    }

    /** Opens the database (migrating it), wires everything and starts listening. */
    public static LicenseServer start(ServerSettings settings, Clock clock) {
        return start(settings, clock, Schedule.DEFAULT);
    }

    /**
     * As {@link #start(ServerSettings, Clock)}, but this node runs no alert rounds of its own, not
     * even after a change: for tests that run the rounds by hand, one step at a time, and must not
     * race a round of the node's own.
     */
    public static LicenseServer startWithoutAlertRounds(ServerSettings settings, Clock clock) {
        return start(settings, clock, new Schedule(SWEEP_EVERY, PEAKS_EVERY, null));
    }

    /** With another sweep interval, so tests need not wait 30 seconds. */
    static LicenseServer start(ServerSettings settings, Clock clock, Duration sweepEvery) {
        return start(settings, clock, new Schedule(sweepEvery, PEAKS_EVERY));
    }

    /** With other intervals: tests that need not wait, the bench that runs the keeper itself. */
    public static LicenseServer start(ServerSettings settings, Clock clock, Schedule schedule) {
        Database database = Database.open(settings.db(), 16).watchHealth();
        PrometheusMeterRegistry metrics = Metrics.registry();
        LicenseCore core = new LicenseCore(database.jdbi(), clock, metrics);
        ObjectMapper json = ApiJson.mapper();
        Optional<SlackBot> slack;
        TeamsBot teams;
        try {
            teams = TeamsMount.start(settings, core, clock);
            slack = SlackMount.start(settings, core, database.jdbi(), clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors(json));
                GracefulStop.install(server, GracefulStop.TIMEOUT);
                // Inside the graceful handler, which stops it too: bodies still arriving are answered then.
                ((Handler.Wrapper) server.getHandler()).setHandler(bodyLimits(json));
            });
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT.toMillis()));
            config.requestLogger.http(new HttpMetrics(metrics)::record);
            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/readyz", ctx -> {
                boolean ready = database.ready();
                ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "database unreachable"));
            });
            Metrics.routes(config.routes, metrics, settings.metrics());
            PublisherPages.routes(config.routes);
            ApiRoutes.register(config.routes, core, json);
            SlackMount.routes(config.routes, settings, slack, core, clock);
            TeamsMount.routes(config.routes, teams);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            slack.ifPresent(SlackBot::close);
            database.close();
            throw e;
        }
        // Recording lapsed timeouts is idempotent, so every node may run it.
        PeriodicTask sweeper = PeriodicTask.start("timeout-sweeper", schedule.sweepEvery(), () -> sweep(core));
        // Storing peaks is idempotent and guarded against imports, so every node may run it too.
        PeriodicTask peaks = PeriodicTask.start("peak-keeper", schedule.peaksEvery(), () -> keepPeaks(core));
        // Every node runs the rounds: the database's watch locks and delivery claims make them agree.
        AlertRounds alerts = schedule.alertsEvery() == null ? AlertRounds.none()
                : AlertRounds.start(core.alerting(), schedule.alertsEvery());
        logSummary(StartupSummary.of(settings, app.port()));
        return new LicenseServer(database, core, app, sweeper, peaks, alerts, slack);
    }

    /**
     * What each platform really sends, with room to spare: Slack's largest payloads (a block action
     * or view submission carrying the whole message or form, URL-encoded) stay far below 512 kB; the
     * Bot Framework caps a Teams message at about 28 kB, and an activity's envelope adds little; the
     * REST API's largest valid body (200 interaction names of 200 characters) is about 50 kB. No other
     * route takes a body.
     */
    static BodyLimits bodyLimits(ObjectMapper json) {
        return new BodyLimits(List.of(new BodyLimits.Cap(SlackMount.PATH, 512 * 1024),
                new BodyLimits.Cap(TeamsMount.PATH, 256 * 1024), new BodyLimits.Cap("/api/v1/", 256 * 1024)),
                16 * 1024, BodyLimits.DEADLINE, json);
    }

    private static void logSummary(StartupSummary summary) {
        summary.serving().forEach(LOG::info);
        summary.warnings().forEach(LOG::warn);
    }

    private static void sweep(LicenseCore core) {
        int closed = core.timeoutSweeper().sweep();
        if (closed > 0) {
            LOG.info("Recorded {} timed-out session(s)", closed);
        }
    }

    private static void keepPeaks(LicenseCore core) {
        PeakKeeper.Run run = core.peakKeeper().run();
        if (run.computedDays() > 0) {
            LOG.info("Stored {} completed day(s)' peaks, visiting {} tenant(s); {} left for the next runs",
                    run.computedDays(), run.visited(), run.left());
        }
    }

    public int port() {
        return app.port();
    }

    public LicenseCore core() {
        return core;
    }

    /**
     * Stops in the order that loses nothing: no more sweeps or peaks kept; no new HTTP requests while those in
     * flight finish (Jetty's graceful stop, up to {@link GracefulStop#TIMEOUT}); then Slack's
     * Socket Mode and the answers its workers still owe; the pool last, once nothing can use it.
     * Teams has nothing of its own to stop: its turns are HTTP requests, drained with the rest.
     */
    @Override
    public void close() {
        LOG.info("Stopping: finishing the requests in flight");
        sweeper.close();
        peaks.close();
        alerts.close();
        try {
            app.stop();
        } catch (RuntimeException e) {
            // A graceful stop that ran out of time: the rest must still close, or the pool leaks.
            LOG.warn("The HTTP server did not stop cleanly: {}", e.getMessage());
        }
        slack.ifPresent(SlackBot::close);
        database.close();
        LOG.info("Stopped");
    }
}
