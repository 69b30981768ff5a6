package dev.licensebot.slack.handler;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.licensebot.slack.answer.HomeAnswer;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.HomeReply;
import dev.licensebot.slack.reply.Interaction;

/** app_home_opened: the Home tab is published afresh each time it is opened. */
public final class AppHomeOpenedHandler implements BoltEventHandler<AppHomeOpenedEvent> {

    static final String HOME_TAB = "home";

    private final Answering answering;
    private final HomeAnswer home;

    public AppHomeOpenedHandler(Answering answering, HomeAnswer home) {
        this.answering = answering;
        this.home = home;
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        // The Messages tab opens the same event; only the Home tab has something to publish.
        if (event != null && HOME_TAB.equals(event.getTab())) {
            HomeReply reply = new HomeReply(ctx.client(), event.getUser());
            answering.later(new Interaction("app_home_opened", payload.getTeamId(), payload.getEnterpriseId(),
                            event.getUser(), reply),
                    (asker, answer) -> answer.show(home.message(asker)));
        }
        return ctx.ack();
    }
}
