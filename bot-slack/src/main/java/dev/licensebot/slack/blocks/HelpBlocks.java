package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.core.conversation.HelpTopics;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** What the bot can do for this person, with examples; an unknown word is named first. */
public final class HelpBlocks {

    public static final String COMMAND = "/licenses";

    private HelpBlocks() {
    }

    public static SlackMessage render(List<HelpTopics.Topic> topics, List<String> unknownWords) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String notUnderstood = HelpTopics.notUnderstood(unknownWords);
        if (notUnderstood != null) {
            blocks.add(section(s -> s.text(markdownText(Text.cut(":thinking_face: " + Text.escape(notUnderstood)
                    + " Here is what I can do:", Text.MAX_TEXT)))));
        }
        blocks.add(header(h -> h.text(plainText("What licensebot can do"))));
        for (HelpTopics.Topic topic : topics) {
            blocks.add(section(s -> s.text(markdownText("*`" + COMMAND + " " + Text.escape(topic.words()) + "`*\n"
                    + Text.escape(topic.answer()) + "\nExample: `" + COMMAND + " " + Text.escape(topic.example())
                    + "`"))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("`" + COMMAND + "` alone shows the usage. Answers are "
                + "only visible to you; add `public` to show one to the channel, e.g. `" + COMMAND + " usage public`.")))));
        String text = notUnderstood != null ? notUnderstood + " Try " + COMMAND + " help." : "What licensebot can do";
        return SlackMessage.ephemeral(text, blocks);
    }
}
