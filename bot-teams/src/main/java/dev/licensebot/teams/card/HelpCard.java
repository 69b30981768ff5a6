package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.HelpTopics;


/** What the bot can do for this person, with an example each; unknown words are named first. */
public final class HelpCard {

    private HelpCard() {
    }

    public static ObjectNode of(Answer.Help help, Actor actor) {
        AdaptiveCard card = AdaptiveCard.titled("What I can do");
        String notUnderstood = HelpTopics.notUnderstood(help.unknownWords().stream()
                .map(w -> Text.cut(w, 40)).toList());
        if (notUnderstood != null) {
            card.add(Elements.attention(Text.escape(notUnderstood)));
        }
        card.add(Elements.heading("What I can do"));
        for (HelpTopics.Topic topic : help.topics()) {
            card.add(Elements.text("**" + Text.escape(topic.words()) + "**"));
            card.add(Elements.subtle(topic.answer() + " For example: " + Text.escape(topic.example())));
        }
        card.add(Elements.subtle("Write the words in any order; a leading @mention is fine."));
        return card.actions(ViewData.buttons(actor, "Usage")).build();
    }
}
