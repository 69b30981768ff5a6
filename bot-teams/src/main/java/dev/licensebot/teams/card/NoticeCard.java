package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One sentence in a card, for answers to buttons that cannot show anything else. */
public final class NoticeCard {

    private NoticeCard() {
    }

    /**
     * {@code sentence} comes from the core (a refusal) or the bot, and may hold what people typed:
     * escaped as a {@link Text#sentence}, the fallback text being plain.
     */
    public static ObjectNode of(String sentence) {
        return AdaptiveCard.titled(sentence).add(Elements.attention(Text.sentence(sentence))).build();
    }
}
