package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.teams.testing.AdaptiveCards;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The card check itself: it must refuse what Teams would refuse, or every other test proves nothing. */
class TeamsSchemaCheckTest {

    @Test
    void aWellFormedCardPasses() {
        AdaptiveCards.assertValid(AdaptiveCard.titled("ok").add(Elements.text("fine")).build());
    }

    @Test
    void anElementMissingARequiredPropertyFails() {
        ObjectNode card = AdaptiveCard.titled("broken").add(Elements.text("fine")).build();
        ((ObjectNode) card.path("body").path(0)).remove("text");
        assertThrows(AssertionFailedError.class, () -> AdaptiveCards.assertValid(card));
    }

    @Test
    void aPropertyTheSchemaDoesNotKnowFails() {
        ObjectNode card = AdaptiveCard.titled("broken").add(Elements.text("fine")).build();
        ((ObjectNode) card.path("body").path(0)).put("colour", "red");
        assertThrows(AssertionFailedError.class, () -> AdaptiveCards.assertValid(card));
    }

    @Test
    void anActionOfAnUnknownKindFails() {
        ObjectNode action = Actions.execute("Go", ActionData.of(Verb.USAGE));
        action.put("type", "Action.Teleport");
        ObjectNode card = AdaptiveCard.titled("broken").add(Elements.text("fine")).action(action).build();
        assertThrows(AssertionFailedError.class, () -> AdaptiveCards.assertValid(card));
    }

    @Test
    void aCardOverTwentyEightKilobytesFails() {
        ObjectNode card = AdaptiveCard.titled("big").add(Elements.text("x".repeat(29 * 1024))).build();
        assertThrows(AssertionFailedError.class, () -> AdaptiveCards.assertValid(card));
    }
}
