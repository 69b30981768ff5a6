package dev.licensebot.teams;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.card.Verbs;
import dev.licensebot.teams.conversation.ActivityRouter;
import dev.licensebot.teams.conversation.InvokeTurn;
import dev.licensebot.teams.conversation.MessageTurn;
import dev.licensebot.teams.conversation.WelcomeTurn;
import dev.licensebot.teams.handler.ActiveAgentsHandler;
import dev.licensebot.teams.handler.CancelReplenishAction;
import dev.licensebot.teams.handler.CancelTerminationAction;
import dev.licensebot.teams.handler.CardActionHandlers;
import dev.licensebot.teams.handler.ConfirmReplenishAction;
import dev.licensebot.teams.handler.ConfirmTerminationAction;
import dev.licensebot.teams.handler.HelpHandler;
import dev.licensebot.teams.handler.HistoryHandler;
import dev.licensebot.teams.handler.ReplenishHandler;
import dev.licensebot.teams.handler.RequestHandlers;
import dev.licensebot.teams.handler.ShowViewAction;
import dev.licensebot.teams.handler.TerminateHandler;
import dev.licensebot.teams.handler.TerminateSelectedAction;
import dev.licensebot.teams.handler.UsageHandler;
import dev.licensebot.teams.identity.MemberDirectory;
import dev.licensebot.teams.identity.TeamsIdentity;
import dev.licensebot.teams.transport.BotFrameworkGateway;

import java.time.Clock;
import java.util.Optional;

/**
 * The Microsoft Teams bot, wired: every message family and card button with its handler, in one
 * place. The server posts each /api/messages request to {@link #handle}.
 */
public final class TeamsBot {

    private final BotFrameworkGateway gateway;

    private TeamsBot(BotFrameworkGateway gateway) {
        this.gateway = gateway;
    }

    public static TeamsBot create(LicenseCore core, Clock clock, TeamsSettings settings, ConversationLinks links,
                                  Optional<DemoSeat> demo) {
        TeamsIdentity identity = new TeamsIdentity(core, new MemberDirectory(clock), demo);

        ActiveAgentsHandler active = new ActiveAgentsHandler(core);
        TerminateHandler terminate = new TerminateHandler(core);
        RequestHandlers requests = new RequestHandlers()
                .on(LicenseRequest.Usage.class, new UsageHandler(core))
                .on(LicenseRequest.Active.class, active)
                .on(LicenseRequest.History.class, new HistoryHandler(core, links))
                .on(LicenseRequest.Terminate.class, terminate)
                .on(LicenseRequest.Replenish.class, new ReplenishHandler(core))
                .on(LicenseRequest.Help.class, new HelpHandler());

        ShowViewAction show = new ShowViewAction(requests);
        CardActionHandlers actions = new CardActionHandlers()
                .view(Verbs.USAGE, show)
                .view(Verbs.ACTIVE, show)
                .view(Verbs.HISTORY, show)
                .view(Verbs.HELP, show)
                .on(Verbs.TERMINATE_SELECTED, new TerminateSelectedAction(terminate, active))
                .on(Verbs.CONFIRM_TERMINATION, new ConfirmTerminationAction(core))
                .on(Verbs.CANCEL_TERMINATION, new CancelTerminationAction(core))
                .on(Verbs.CONFIRM_REPLENISH, new ConfirmReplenishAction(core))
                .on(Verbs.CANCEL_REPLENISH, new CancelReplenishAction(core));

        ActivityRouter router = new ActivityRouter()
                .on("message", new MessageTurn(identity, requests, actions, core.metrics()))
                .on("invoke", new InvokeTurn(identity, actions, core.metrics()))
                .on("conversationUpdate", new WelcomeTurn());

        // Whether it authenticates, and demo mode, are said once by the server's start-up summary.
        return new TeamsBot(new BotFrameworkGateway(settings, router));
    }

    /** One POST to /api/messages: the body as sent and the Authorization header (null: none). */
    public TeamsHttpResponse handle(String body, String authorization) {
        return gateway.handle(body, authorization);
    }
}
