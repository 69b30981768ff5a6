package dev.licensebot.teams.turn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.teams.card.ActionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Universal Action (the adaptiveCard/action invoke of an Action.Execute button or a refresh):
 * the answer, refusals included, is the card that replaces the one in the conversation. Other
 * invokes are not the bot's business and get a 400.
 */
public final class InvokeTurn implements TurnHandler {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    private static final Logger LOG = LoggerFactory.getLogger(InvokeTurn.class);

    private final Replies replies;
    private final Questions questions;

    public InvokeTurn(Replies replies, Questions questions) {
        this.replies = replies;
        this.questions = questions;
    }

    @Override
    public void onTurn(Turn turn) {
        if (!ADAPTIVE_CARD_ACTION.equals(turn.activity().name())) {
            // Unanswered, the SDK says 501; the app declares no other invoke, so it is the sender's mistake.
            LOG.debug("Refused a Teams invoke named {}", turn.activity().name());
            turn.answerInvoke(400, null);
            return;
        }
        JsonNode value = turn.activity().value();
        JsonNode action = value.path("action");
        boolean automatic = "automatic".equals(value.path("trigger").asText());
        Replies.Rendered reply = replies.reply(turn, "card_action", who -> questions.button(who,
                ActionData.read(action.path("verb").asText(null), action.path("data")).orElseThrow(() ->
                        Refusal.invalid("verb", "That button sent nothing I understand; nothing was done.")),
                automatic));
        turn.answerInvoke(200, cardResponse(reply.card()));
    }

    /** The Universal Actions answer that makes Teams show {@code card} in place. */
    static ObjectNode cardResponse(ObjectNode card) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", "application/vnd.microsoft.card.adaptive");
        body.set("value", card);
        return body;
    }
}
