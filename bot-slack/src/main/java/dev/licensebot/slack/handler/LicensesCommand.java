package dev.licensebot.slack.handler;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.slack.reply.Answering;
import dev.licensebot.slack.reply.SlackMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code /licenses …}: the core's conversation understands and answers the words. An answer ready
 * within {@link #ACK_BUDGET} is the ack itself; a slower one follows at the response_url.
 */
public record LicensesCommand(Answering answering, Conversation conversation) implements SlashCommandHandler {

    public static final String COMMAND = "/licenses";

    /**
     * How long the ack may wait for the answer. Slack gives up on an ack after 3 seconds, counted
     * on its side, so this leaves half of that for the network and for Slack itself.
     */
    static final Duration ACK_BUDGET = Duration.ofMillis(1500);

    /**
     * The text after {@code /licenses}, minus the Slack-only word "public" that shares the answer
     * with the channel (answers are only visible to the asker otherwise).
     */
    record CommandText(String words, boolean shared) {

        static final String PUBLIC = "public";

        static CommandText of(String text) {
            List<String> tokens = text == null || text.isBlank() ? List.of()
                    : Arrays.asList(text.trim().split("\\s+"));
            List<String> kept = tokens.stream().filter(t -> !t.toLowerCase(Locale.ROOT).equals(PUBLIC)).toList();
            return new CommandText(String.join(" ", kept), kept.size() < tokens.size());
        }
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        CommandText text = CommandText.of(request.getPayload().getText());
        // "alerts on" is about the channel it is typed in.
        AlertPlace here = BoltPayloads.place(request, ctx);
        return answering.withinAck(BoltPayloads.of(request, ctx),
                        caller -> conversation.answer(caller, here, text.words()), text.shared(), ACK_BUDGET)
                .map(message -> ctx.ack(asAck(message)))
                .orElseGet(ctx::ack);
    }

    private static SlashCommandResponse asAck(SlackMessage message) {
        return SlashCommandResponse.builder()
                .responseType(message.responseType())
                .text(message.text())
                .blocks(message.blocks())
                .build();
    }
}
