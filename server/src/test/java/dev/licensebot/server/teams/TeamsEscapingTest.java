package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.TeamsActivities.User;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What people typed, echoed in a refusal, cannot become a link in a Teams message or card. */
class TeamsEscapingTest {

    private static final String LINK = "[urgent](https://evil.example/)";

    @OnBothDatabases
    void aRefusalEchoingWhatSomeoneTypedIsEscapedInTheMessageText(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);

            String answer = teams.sayExpectingText(admin, "history sessions since " + LINK);

            assertTrue(answer.contains("\\[urgent\\](https://evil.example/)"), answer);
            assertFalse(answer.contains(LINK), answer);
        }
    }

    @OnBothDatabases
    void aRefusalEchoingWhatAButtonCarriedIsEscapedInTheCard(TestDatabase db) {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            User admin = teams.person(Role.ACCOUNT_ADMIN);

            String card = textBlocks(teams.post(teams.activities.execute(admin, "active",
                    TeamsFixture.JSON.createObjectNode().put("page", LINK), false)).invokeCard());

            assertTrue(card.contains("\\[urgent\\](https://evil.example/)"), card);
            assertFalse(card.contains(LINK), card);
        }
    }

    /** The markdown of every TextBlock, as Teams gets it (the fallback text is plain, not markdown). */
    private static String textBlocks(JsonNode node) {
        StringBuilder texts = new StringBuilder();
        if ("TextBlock".equals(node.path("type").asText())) {
            texts.append(node.path("text").asText()).append('\n');
        }
        node.forEach(child -> texts.append(textBlocks(child)));
        return texts.toString();
    }
}
