package dev.licensebot.teams;

import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.identity.MemberDirectory;
import dev.licensebot.teams.identity.TeamsIdentity;
import dev.licensebot.teams.transport.BotFrameworkGateway;
import dev.licensebot.teams.turn.ActivityRouter;
import dev.licensebot.teams.turn.InvokeTurn;
import dev.licensebot.teams.turn.MessageTurn;
import dev.licensebot.teams.turn.Questions;
import dev.licensebot.teams.turn.Replies;
import dev.licensebot.teams.turn.WelcomeTurn;

import java.time.Clock;

/**
 * The Microsoft Teams bot, wired: each kind of activity with its turn, in one place. The server
 * posts each /api/messages request to {@link #handle}.
 */
public final class TeamsBot {

    private final BotFrameworkGateway gateway;

    private TeamsBot(BotFrameworkGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * {@code conversation} answers every question; {@code identity} is the core's for Teams;
     * {@code charts} draws the usage graphs the usage card carries.
     */
    public static TeamsBot create(Conversation conversation, ChatIdentity identity, LicenseMetrics metrics,
                                  UsageCharts charts, Clock clock, TeamsSettings settings) {
        Replies replies = new Replies(new TeamsIdentity(identity, new MemberDirectory(clock)), metrics, charts);
        Questions questions = new Questions(conversation);
        ActivityRouter router = new ActivityRouter()
                .on("message", new MessageTurn(replies, questions))
                .on("invoke", new InvokeTurn(replies, questions))
                .on("conversationUpdate", new WelcomeTurn());
        // Whether it authenticates, and demo mode, are said once by the server's start-up summary.
        return new TeamsBot(new BotFrameworkGateway(settings, router));
    }

    /** One POST to /api/messages: the body as sent and the Authorization header (null: none). */
    public TeamsHttpResponse handle(String body, String authorization) {
        return gateway.handle(body, authorization);
    }
}
