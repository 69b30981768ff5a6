package dev.licensebot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.licensebot.core.DaemonThreads;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.slack.answer.ActiveAnswer;
import dev.licensebot.slack.answer.Conversation;
import dev.licensebot.slack.answer.HelpAnswer;
import dev.licensebot.slack.answer.HistoryAnswer;
import dev.licensebot.slack.answer.HomeAnswer;
import dev.licensebot.slack.answer.ReplenishAnswer;
import dev.licensebot.slack.answer.TerminateAnswer;
import dev.licensebot.slack.answer.UsageAnswer;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.blocks.ReplenishForm;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.chart.ChartLinks;
import dev.licensebot.slack.chart.UploadedCharts;
import dev.licensebot.slack.handler.ActivePageAction;
import dev.licensebot.slack.handler.ActiveSortAction;
import dev.licensebot.slack.handler.AppHomeOpenedHandler;
import dev.licensebot.slack.handler.CancelReplenishAction;
import dev.licensebot.slack.handler.CancelTerminationAction;
import dev.licensebot.slack.handler.ConfirmReplenishAction;
import dev.licensebot.slack.handler.ConfirmTerminationAction;
import dev.licensebot.slack.handler.HistoryPageAction;
import dev.licensebot.slack.handler.HomeRefreshAction;
import dev.licensebot.slack.handler.LicensesCommand;
import dev.licensebot.slack.handler.RefreshUsageAction;
import dev.licensebot.slack.handler.OpenReplenishFormAction;
import dev.licensebot.slack.handler.ReplenishFormSubmission;
import dev.licensebot.slack.handler.SelectionChangedAction;
import dev.licensebot.slack.handler.ShowActiveAction;
import dev.licensebot.slack.handler.ShowHistoryAction;
import dev.licensebot.slack.handler.TerminateSelectedAction;
import dev.licensebot.slack.identity.EmailDirectory;
import dev.licensebot.slack.identity.SlackIdentity;
import dev.licensebot.slack.reply.Answering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Slack app, wired in one place: every command, button and event and the one handler that
 * serves it. The same handlers serve the HTTP endpoint and Socket Mode.
 */
public final class SlackBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    /** Answers are database reads and a post or two; a few threads keep up with any contact centre. */
    private static final int WORKERS = 4;

    private final App app;
    private final SlackHttpEndpoint endpoint;
    private final ExecutorService workers;
    private SocketModeConnection socketMode;

    private SlackBot(App app, ExecutorService workers) {
        this.app = app;
        // Slack signs with the real time, whatever clock the business rules run on.
        this.endpoint = new SlackHttpEndpoint(app, Clock.systemUTC());
        this.workers = workers;
    }

    /**
     * Builds the app and checks the bot token with auth.test now, so a wrong token stops the server
     * at start-up with a clear message rather than failing the first person who asks.
     */
    public static SlackBot start(LicenseCore core, Clock clock, SlackSettings settings, ConversationLinks links,
                                 Optional<DemoSeat> demo) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        Slack slack = Slack.getInstance(config);
        App app = new App(AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .build());
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, DaemonThreads.numbered("slack-answer-"));
        MethodsClient methods = slack.methods(settings.botToken());
        SlackIdentity identity = new SlackIdentity(core, new EmailDirectory(methods, clock), demo);
        UploadedCharts uploads = new UploadedCharts(core.charts(), methods, clock);
        ChartImages charts = ChartImages.of(new ChartLinks(settings.publicUrl(), settings.chartLinkKey(), clock),
                uploads);
        register(app, core, links, identity, new Answering(identity, workers, core.metrics(), uploads::forget),
                charts);
        try {
            app.use(new RetryGuard());
            app.start();
        } catch (IllegalArgumentException e) {
            workers.shutdownNow();
            throw new SlackStartupException("Slack did not accept SLACK_BOT_TOKEN at start-up (" + e.getMessage()
                    + "). Check the bot token" + (SlackSettings.DEFAULT_API_URL.equals(settings.apiUrl()) ? ""
                    : " and SLACK_API_URL " + settings.apiUrl()) + ".", e);
        }
        SlackBot bot = new SlackBot(app, workers);
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

    private static void register(App app, LicenseCore core, ConversationLinks links, SlackIdentity identity,
                                 Answering answering, ChartImages charts) {
        ActiveAnswer active = new ActiveAnswer(core);
        TerminateAnswer terminate = new TerminateAnswer(core);
        UsageAnswer usage = new UsageAnswer(core, charts);
        HistoryAnswer history = new HistoryAnswer(core, links);
        HomeAnswer home = new HomeAnswer(core, charts);
        Conversation conversation = new Conversation()
                .on(LicenseRequest.Usage.class, usage)
                .on(LicenseRequest.Active.class, active)
                .on(LicenseRequest.History.class, history)
                .on(LicenseRequest.Terminate.class, terminate)
                .on(LicenseRequest.Replenish.class, new ReplenishAnswer(core))
                .on(LicenseRequest.Help.class, new HelpAnswer());

        app.command(LicensesCommand.COMMAND, new LicensesCommand(answering, conversation));

        app.blockAction(ActionIds.USAGE_REFRESH, new RefreshUsageAction(answering, usage));
        app.blockAction(ActionIds.SHOW_ACTIVE, new ShowActiveAction(answering, active));
        ActivePageAction page = new ActivePageAction(answering, active);
        app.blockAction(ActionIds.ACTIVE_PREVIOUS, page);
        app.blockAction(ActionIds.ACTIVE_NEXT, page);
        app.blockAction(ActionIds.ACTIVE_REFRESH, page);
        app.blockAction(ActionIds.ACTIVE_SORT, new ActiveSortAction(answering, active));
        app.blockAction(ActionIds.ACTIVE_SELECT, new SelectionChangedAction());
        app.blockAction(ActionIds.TERMINATE_SELECTED, new TerminateSelectedAction(answering, terminate));
        app.blockAction(ActionIds.TERMINATE_CONFIRM, new ConfirmTerminationAction(answering, core));
        app.blockAction(ActionIds.TERMINATE_CANCEL, new CancelTerminationAction(answering, core));
        app.blockAction(ActionIds.SHOW_HISTORY, new ShowHistoryAction(answering, history));
        HistoryPageAction historyPage = new HistoryPageAction(answering, history);
        app.blockAction(ActionIds.HISTORY_PREVIOUS, historyPage);
        app.blockAction(ActionIds.HISTORY_NEXT, historyPage);
        for (HistoryKind kind : HistoryKind.values()) {
            app.blockAction(ActionIds.historyKind(kind), historyPage);
        }
        app.blockAction(ActionIds.REPLENISH_OPEN, new OpenReplenishFormAction(answering, core));
        app.viewSubmission(ReplenishForm.CALLBACK_ID, new ReplenishFormSubmission(identity, answering, core));
        app.blockAction(ActionIds.REPLENISH_CONFIRM, new ConfirmReplenishAction(answering, core));
        app.blockAction(ActionIds.REPLENISH_CANCEL, new CancelReplenishAction(answering, core));
        app.blockAction(ActionIds.HOME_REFRESH, new HomeRefreshAction(answering, home));

        app.event(AppHomeOpenedEvent.class, new AppHomeOpenedHandler(answering, home));
    }

    /** For the server's POST /slack/events. */
    public SlackHttpResponse handle(SlackHttpRequest request) {
        return endpoint.handle(request);
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
