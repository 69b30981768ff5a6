package dev.licensebot.teams;

import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.core.chat.ChatConversations;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.alerts.TeamsAlertPoster;
import dev.licensebot.teams.identity.MemberDirectory;
import dev.licensebot.teams.identity.TeamsIdentity;
import dev.licensebot.teams.transport.BotFrameworkGateway;
import dev.licensebot.teams.turn.Activities;
import dev.licensebot.teams.turn.Installations;
import dev.licensebot.teams.turn.Questions;

import java.time.Clock;

/**
 * The Microsoft Teams bot, wired in one place. The server
 * posts each /api/messages request to {@link #handle}.
 */
public final class TeamsBot {

    private final BotFrameworkGateway gateway;
    private final AlertPoster alerts;

    private TeamsBot(BotFrameworkGateway gateway, AlertPoster alerts) {
        this.gateway = gateway;
        this.alerts = alerts;
    }

    /**
     * {@code conversation} answers every question; {@code identity} is the core's for Teams;
     * {@code charts} draws the usage graphs the usage card carries; {@code conversations} remembers
     * where the bot was added.
     */
    public static TeamsBot create(Conversation conversation, ChatIdentity identity, LicenseMetrics metrics,
                                  UsageCharts charts, ChatConversations conversations, Clock clock,
                                  TeamsSettings settings) {
        Activities activities = new Activities(new TeamsIdentity(identity, new MemberDirectory(clock)),
                new Questions(conversation), metrics, charts, new Installations(conversations, clock));
        // Whether it authenticates, and demo mode, are said once by the server's start-up summary.
        BotFrameworkGateway gateway = new BotFrameworkGateway(settings, activities);
        return new TeamsBot(gateway, new TeamsAlertPoster(gateway.proactive(), conversations, charts));
    }

    /** Posts alerts into the conversations the bot was added to; the server registers it with the core. */
    public AlertPoster alertPoster() {
        return alerts;
    }

    /** One POST to /api/messages: the body as sent and the Authorization header (null: none). */
    public TeamsHttpResponse handle(String body, String authorization) {
        return gateway.handle(body, authorization);
    }
}
