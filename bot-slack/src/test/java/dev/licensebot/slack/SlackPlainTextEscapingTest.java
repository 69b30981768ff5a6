package dev.licensebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.slack.blocks.ActiveAgentsBlocks;
import dev.licensebot.slack.blocks.Text;
import dev.licensebot.slack.reply.SlackMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names people chose reach Slack escaped in plain_text fields too, and fit those fields' limits. */
class SlackPlainTextEscapingTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    @Test
    void anAgentNamedLikeAChannelMentionIsEscapedInEveryFieldOfTheActiveList() throws Exception {
        AgentSession agent = new AgentSession("t", "s-1", NOW.minusSeconds(60), StartedBy.AGENT, "<!channel> & co",
                null, "agent", null, "Web widget", 0, 0, List.of(), NOW, NOW.plusSeconds(1800), null, null, null);
        ActiveSessions.View view = new ActiveSessions.View(new Page<>(List.of(agent), 1, 10, 1), SessionSort.START,
                SortOrder.ASC, ZONE, NOW);

        SlackMessage message = ActiveAgentsBlocks.render(view);

        List<String> texts = new ArrayList<>();
        collect(new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(message.blocks())), texts);
        texts.add(message.text());
        assertTrue(texts.stream().anyMatch(t -> t.contains("&lt;!channel&gt; &amp; co")), texts.toString());
        texts.forEach(t -> assertFalse(t.contains("<!channel>"), t));
    }

    @Test
    void escapingNeverPushesAFieldPastItsLimitNorCutsAnEscapeInHalf() {
        assertEquals("a&lt;b", Text.escapeCut("a<b", 6));
        assertEquals("a…", Text.escapeCut("a<b", 5));
        assertEquals("&amp;&amp;…", Text.escapeCut("&&&&", 12));
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }
}
