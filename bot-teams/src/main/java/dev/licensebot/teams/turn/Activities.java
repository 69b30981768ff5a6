package dev.licensebot.teams.turn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.TeamsCards;
import dev.licensebot.teams.card.Text;
import dev.licensebot.teams.card.WelcomeCard;
import dev.licensebot.teams.identity.Requester;
import dev.licensebot.teams.identity.TeamsIdentity;
import dev.licensebot.teams.turn.Questions.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every activity the bot answers, by its type: a message, a Universal Action, the bot joining or
 * leaving a chat or a team (remembered by {@link Installations}); other types (typing, …) are let
 * be. Each question is asked for whoever sent it with one
 * error policy: the core's Conversation never throws, and what can fail on Teams' side around it
 * (who sent the activity, what a button carries, drawing the card) becomes an {@link Answer} just
 * the same: a {@link Refusal} is refused, anything else is logged and apologised for. Each turn is
 * counted once, by its outcome.
 *
 * @param charts        draws the usage graphs the usage card carries
 * @param installations remembers where the bot was added
 */
public record Activities(TeamsIdentity identity, Questions questions, LicenseMetrics metrics, UsageCharts charts,
                         Installations installations) implements TurnHandler {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    private static final Logger LOG = LoggerFactory.getLogger(Activities.class);

    @Override
    public void onTurn(Turn turn) {
        String type = turn.activity().type() == null ? "" : turn.activity().type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "message" -> message(turn);
            case "invoke" -> invoke(turn);
            case "conversationupdate" -> welcome(turn);
            case "installationupdate" -> installations.installationUpdate(turn.activity());
            default -> LOG.debug("Ignored a Teams activity of type {}", type);
        }
    }

    /**
     * Plain words, or the data of a card button from a client without Universal Actions
     * (Action.Submit): a new card message, or a refusal's or failure's one sentence. Answering and
     * sending are apart: a reply that cannot be sent fails the turn once, in the gateway's log.
     */
    private void message(Turn turn) {
        Incoming activity = turn.activity();
        installations.channelMessage(activity);
        AlertPlace here = AlertPlaces.of(activity);
        boolean submit = activity.value().isObject();
        Optional<ActionData> submitted = submit ? ActionData.read(null, activity.value()) : Optional.empty();
        Rendered reply = reply(turn, submit ? "card_submit" : "message", who -> submitted
                .map(data -> questions.button(who, here, data, false))
                .orElseGet(() -> questions.words(who, here, activity.text())));
        String sentence = reply.sentence();
        if (sentence != null) {
            // Teams reads a message's text as markdown, and refusals may hold what people typed.
            turn.sendText(Text.sentence(sentence));
        } else {
            turn.sendCard(reply.card());
        }
    }

    /**
     * The adaptiveCard/action invoke of an Action.Execute button or a refresh: the answer, refusals
     * included, is the card that replaces the one in the conversation. Other invokes are not the
     * bot's business: unanswered, the SDK says 501; the app declares none, so it is the sender's 400.
     */
    private void invoke(Turn turn) {
        if (!ADAPTIVE_CARD_ACTION.equals(turn.activity().name())) {
            LOG.debug("Refused a Teams invoke named {}", turn.activity().name());
            turn.answerInvoke(400, null);
            return;
        }
        JsonNode value = turn.activity().value();
        JsonNode action = value.path("action");
        boolean automatic = "automatic".equals(value.path("trigger").asText());
        Rendered reply = reply(turn, "card_action", who -> questions.button(who, AlertPlaces.of(turn.activity()),
                ActionData.read(action.path("verb").asText(null), action.path("data")).orElseThrow(() ->
                        Refusal.invalid("verb", "That button sent nothing I understand; nothing was done.")),
                automatic));
        turn.answerInvoke(200, JsonNodeFactory.instance.objectNode().put("statusCode", 200)
                .put("type", "application/vnd.microsoft.card.adaptive").set("value", reply.card()));
    }

    /**
     * The bot was added to a chat or a team: remembered, then a short welcome. Other members
     * joining get nothing. Remembered first: if that fails, Teams' retry welcomes once.
     */
    private void welcome(Turn turn) {
        if (installations.conversationUpdate(turn.activity())) {
            turn.sendCard(WelcomeCard.of());
        }
    }

    /**
     * The answer, for the turns that send a sentence instead of a card, and its card.
     *
     * @param sentenceOnly the answer's sentence is the whole reply, whatever the answer
     */
    private record Rendered(Answer answer, ObjectNode card, boolean sentenceOnly) {

        /** The reply's whole text when it is only a sentence; null when the card is the reply. */
        String sentence() {
            String alone = TeamsCards.sentence(answer);
            if (alone == null && sentenceOnly && answer instanceof Answer.Alerts alerts) {
                return alerts.view().sentence();
            }
            return alone;
        }
    }

    /** {@code question}: what the turn asks, once it is known who asks; {@code kind}: the metrics' name for it. */
    private Rendered reply(Turn turn, String kind, Function<Requester, Reply> question) {
        Rendered rendered;
        try {
            Requester who = identity.resolve(turn);
            Reply reply = question.apply(who);
            rendered = new Rendered(reply.answer(), reply.answer().render(new TeamsCards(charts, who, reply.notice())),
                    reply.sentenceOnly());
        } catch (Refusal refusal) {
            rendered = alone(new Answer.Refused(refusal));
        } catch (RuntimeException e) {
            LOG.error("A Teams {} could not be answered", kind, e);
            rendered = alone(new Answer.Failed());
        }
        metrics.interaction(Surface.TEAMS, kind, rendered.answer().outcome());
        return rendered;
    }

    /** A refusal or failure, which needs nobody's view to be shown. */
    private Rendered alone(Answer answer) {
        return new Rendered(answer, answer.render(new TeamsCards(charts, null, null)), false);
    }
}
