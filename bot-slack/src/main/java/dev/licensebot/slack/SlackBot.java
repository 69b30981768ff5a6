package dev.licensebot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import dev.licensebot.core.DaemonThreads;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.slack.alerts.SlackAlertPoster;
import dev.licensebot.slack.answer.HomeAnswer;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.chart.ChartLinks;
import dev.licensebot.slack.chart.UploadedCharts;
import dev.licensebot.slack.handler.SlackInteractions;
import dev.licensebot.slack.identity.EmailDirectory;
import dev.licensebot.slack.identity.SlackIdentity;
import dev.licensebot.slack.identity.WorkspaceClients;
import dev.licensebot.slack.oauth.SlackDistribution;
import dev.licensebot.slack.reply.Answering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Slack app: Bolt, the bot token checked at start-up, and the interactions of
 * {@link SlackInteractions}, served alike over the HTTP endpoint and Socket Mode.
 */
public final class SlackBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    /** Answers are database reads and a post or two; a few threads keep up with any contact centre. */
    private static final int WORKERS = 4;

    private final App app;
    private final SlackHttpEndpoint endpoint;
    private final ExecutorService workers;
    /** Null for one workspace (SLACK_BOT_TOKEN). */
    private final SlackDistribution distribution;
    private final SlackAlertPoster alerts;
    private SocketModeConnection socketMode;

    private SlackBot(App app, ExecutorService workers, SlackDistribution distribution, SlackAlertPoster alerts) {
        this.app = app;
        this.distribution = distribution;
        this.alerts = alerts;
        // Slack signs with the real time, whatever clock the business rules run on.
        this.endpoint = new SlackHttpEndpoint(app, Clock.systemUTC());
        this.workers = workers;
    }

    /**
     * Builds the app and checks the bot token with auth.test now, so a wrong token stops the server
     * at start-up with a clear message rather than failing the first person who asks.
     */
    public static SlackBot start(SlackUseCases core, Clock clock, SlackSettings settings) {
        return start(core, clock, settings, null);
    }

    /**
     * {@code distribution}: where the installations of the app distributed through OAuth are kept;
     * required when {@code settings} has OAuth on, ignored otherwise.
     */
    public static SlackBot start(SlackUseCases core, Clock clock, SlackSettings settings,
                                 SlackDistribution distribution) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        Slack slack = Slack.getInstance(config);
        boolean distributed = settings.oauthEnabled();
        App app = distributed ? SlackOAuthApp.create(slack, settings, distribution)
                : new App(AppConfig.builder()
                        .slack(slack)
                        .signingSecret(settings.signingSecret())
                        .singleTeamBotToken(settings.botToken())
                        .build());
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, DaemonThreads.numbered("slack-answer-"));
        // One workspace: its one token. Distributed: no token of its own; each call takes its workspace's.
        MethodsClient methods = slack.methods(settings.botToken());
        WorkspaceClients clients = distributed
                ? (enterpriseId, teamId) -> distribution.client(slack, enterpriseId, teamId)
                : (enterpriseId, teamId) -> methods;
        EmailDirectory emails = new EmailDirectory(clients, clock);
        SlackIdentity identity = new SlackIdentity(core.identity(), emails);
        // Distributed apps need PUBLIC_URL, so their graphs are links and nothing is ever uploaded.
        UploadedCharts uploads = new UploadedCharts(core.charts(), methods, clock);
        ChartImages charts = ChartImages.of(new ChartLinks(settings.publicUrl(), settings.chartLinkKey(), clock),
                uploads);
        new SlackInteractions(core.conversation(),
                new Answering(identity, workers, core.metrics(), uploads::forget, charts),
                new HomeAnswer(core.usage(), core.activeSessions(), charts), core.operators()).register(app);
        if (distributed) {
            SlackOAuthApp.purgeOnUninstall(app, distribution, emails);
        }
        try {
            app.use(new RetryGuard());
            app.start();
        } catch (IllegalArgumentException e) {
            workers.shutdownNow();
            throw new SlackStartupException("Slack did not accept SLACK_BOT_TOKEN at start-up (" + e.getMessage()
                    + "). Check the bot token" + (SlackSettings.DEFAULT_API_URL.equals(settings.apiUrl()) ? ""
                    : " and SLACK_API_URL " + settings.apiUrl()) + ".", e);
        }
        SlackBot bot = new SlackBot(app, workers, distributed ? distribution : null, new SlackAlertPoster(clients, charts));
        if (settings.socketModeEnabled()) {
            bot.startSocketMode(settings.appToken());
        }
        if (settings.publicUrl() == null) {
            LOG.info("PUBLIC_URL is not set: Slack answers show the 30-day usage graphs as files uploaded to Slack "
                    + "(bot scope files:write), since Slack could not fetch them from this server");
        }
        LOG.info("Slack app ready: {}", settings);
        return bot;
    }

    /** Posts the core's alerts in Slack channels, with each workspace's token: for the core's deliveries. */
    public AlertPoster alertPoster() {
        return alerts;
    }

    /** For the server's POST /slack/events. */
    public SlackHttpResponse handle(SlackHttpRequest request) {
        return endpoint.handle(request);
    }

    /** Whether the install page may open with this install link: ours, unchanged, unexpired and unused. */
    public boolean usableInstallLink(String token) {
        return distribution != null && distribution.links().usable(token).isPresent();
    }

    /** For the install page and the OAuth redirect: a browser's requests, which Slack does not sign. */
    public SlackHttpResponse handleOAuth(SlackHttpRequest request) {
        return endpoint.handleUnsigned(request);
    }

    private void startSocketMode(String appToken) {
        try {
            socketMode = SocketModeConnection.open(appToken, app);
        } catch (Exception e) {
            close();
            throw new SlackStartupException("Could not open a Socket Mode connection with SLACK_APP_TOKEN ("
                    + e.getMessage() + "). Check the app-level token (xapp-…, scope connections:write).", e);
        }
    }

    @Override
    public void close() {
        if (socketMode != null) {
            socketMode.close();
        }
        app.stop();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
