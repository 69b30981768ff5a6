package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.slack.answer.HomeAnswer;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.HomeReply;
import dev.licensebot.slack.reply.Interaction;

/** Refresh on the Home tab: published again, as of now. */
public final class HomeRefreshAction implements BlockActionHandler {

    private final Answering answering;
    private final HomeAnswer home;

    public HomeRefreshAction(Answering answering, HomeAnswer home) {
        this.answering = answering;
        this.home = home;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String userId = request.getPayload().getUser().getId();
        String teamId = request.getPayload().getTeam() == null ? null : request.getPayload().getTeam().getId();
        HomeReply reply = new HomeReply(ctx.client(), userId);
        answering.later(new Interaction(ActionIds.HOME_REFRESH, teamId, ctx.getEnterpriseId(), userId, reply),
                (asker, answer) -> answer.show(home.message(asker)));
        return ctx.ack();
    }
}
