package dev.licensebot.slack.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.licensebot.slack.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What reaches the response_url is the JSON Bolt's own sender would post for the same answer,
 * written once with the shared Gson (issue 7, B3), and a refusal is reported with Slack's code.
 */
class ResponseUrlReplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<LayoutBlock> blocks = List.of(
            section(s -> s.text(markdownText("*3 agents* connected · _as of 09:14 NZDT_ · \"Zoë\" & <others>"))),
            actions(a -> a.elements(List.of(button(b -> b.actionId("active_next").text(plainText("Next ›"))
                    .value("{\"page\":2}"))))));

    @Test
    void theAnswerIsPostedAsTheJsonBoltWouldHavePosted() throws IOException {
        try (FakeSlack slack = FakeSlack.start()) {
            String url = slack.newResponseUrl();

            new ResponseUrlReply(Slack.getInstance(), url).replace(new SlackMessage("3 agents", blocks, true));

            ActionResponse expected = ActionResponse.builder().responseType("in_channel").replaceOriginal(true)
                    .text("3 agents").blocks(blocks).build();
            assertEquals(JSON.readTree(GsonFactory.createSnakeCase().toJson(expected)), slack.awaitResponse(url, 1));
        }
    }

    @Test
    void aRefusedAnswerReportsSlacksErrorCode() {
        try (FakeSlack slack = FakeSlack.start()) {
            slack.refuseMessages("invalid_blocks");
            ResponseUrlReply reply = new ResponseUrlReply(Slack.getInstance(), slack.newResponseUrl());

            RefusedBySlack refused = assertThrows(RefusedBySlack.class,
                    () -> reply.show(SlackMessage.ephemeral("3 agents", blocks)));

            assertEquals("invalid_blocks", refused.error());
        }
    }
}
