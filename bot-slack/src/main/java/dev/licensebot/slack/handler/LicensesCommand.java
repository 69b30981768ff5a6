package dev.licensebot.slack.handler;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.conversation.RequestParser;
import dev.licensebot.slack.answer.Conversation;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.ChannelReply;

/** {@code /licenses …}: acknowledged at once; the core's parser and the matching answer do the rest. */
public final class LicensesCommand implements SlashCommandHandler {

    public static final String COMMAND = "/licenses";

    private final Answering answering;
    private final Conversation conversation;

    public LicensesCommand(Answering answering, Conversation conversation) {
        this.answering = answering;
        this.conversation = conversation;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        CommandText text = CommandText.of(request.getPayload().getText());
        answering.later(Interactions.of(request, ctx), (asker, reply) -> conversation.answer(
                RequestParser.parse(text.words()), asker, text.shared() ? new ChannelReply(reply) : reply));
        return ctx.ack();
    }
}
