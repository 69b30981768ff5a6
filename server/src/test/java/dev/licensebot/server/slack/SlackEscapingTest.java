package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people named or typed reaches Slack escaped (&, <, >) in every text field, the top-level
 * `text` that notifications show included: an agent named {@code <!channel>} notifies nobody.
 */
class SlackEscapingTest {

    private static final String CHANNEL = "<!channel>";

    @OnBothDatabases
    void anAgentNamedLikeAChannelMentionIsEscapedInTheTerminationsNotificationText(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession agent = f.session(CHANNEL);
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);

            SlackFixture.Answer plan = f.command(admin, "terminate " + agent.id());

            assertTrue(plan.message().path("text").asText().contains("&lt;!channel&gt;"), plan.message().toString());
            assertNoMention(plan.message());
        }
    }

    @OnBothDatabases
    void whatSomeoneTypedIsEscapedInTheRefusalsNotificationText(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);

            SlackFixture.Answer refused = f.command(admin, "history sessions since <!here>");
            SlackFixture.Answer notUnderstood = f.command(admin, "frobnicate <!everyone>");

            String text = refused.message().path("text").asText();
            assertTrue(text.endsWith(" is not a date; write it as YYYY-MM-DD.") && text.contains("&lt;")
                    && !text.contains("<"), text);
            assertNoMention(refused.message());
            String echoed = notUnderstood.message().path("text").asText();
            assertTrue(echoed.contains("&lt;") && echoed.contains("&gt;") && !echoed.contains("<"), echoed);
            assertNoMention(notUnderstood.message());
        }
    }

    /** No text anywhere in the message, blocks and top-level alike, holds a raw mention. */
    private static void assertNoMention(JsonNode message) {
        List<String> texts = new ArrayList<>();
        collect(message, texts);
        for (String text : texts) {
            assertTrue(!text.contains("<!channel>") && !text.contains("<!here>") && !text.contains("<!everyone>"),
                    "unescaped: " + text);
        }
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }
}
