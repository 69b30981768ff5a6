package dev.licensebot.teams.turn;

import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.TeamsCards;
import dev.licensebot.teams.card.Text;

import java.util.Optional;

/**
 * A message: plain words, or the data of a card button from a client without Universal Actions
 * (Action.Submit). The answer is a new card message; a refusal or failure, one sentence of text.
 */
public final class MessageTurn implements TurnHandler {

    private final Replies replies;
    private final Questions questions;

    public MessageTurn(Replies replies, Questions questions) {
        this.replies = replies;
        this.questions = questions;
    }

    /** Answering and sending are apart: a reply that cannot be sent fails the turn once, in the gateway's log. */
    @Override
    public void onTurn(Turn turn) {
        Incoming activity = turn.activity();
        boolean submit = activity.value().isObject();
        Optional<ActionData> submitted = submit ? ActionData.read(null, activity.value()) : Optional.empty();
        Replies.Rendered reply = replies.reply(turn, submit ? "card_submit" : "message", who -> submitted
                .map(data -> questions.button(who, data, false))
                .orElseGet(() -> questions.words(who, activity.text())));
        String sentence = TeamsCards.sentence(reply.answer());
        if (sentence != null) {
            // Teams reads a message's text as markdown, and refusals may hold what people typed.
            turn.sendText(Text.sentence(sentence));
        } else {
            turn.sendCard(reply.card());
        }
    }
}
