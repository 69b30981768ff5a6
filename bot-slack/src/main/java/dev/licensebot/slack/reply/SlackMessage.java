package dev.licensebot.slack.reply;

import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.slack.blocks.Text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A message to send: the notification text (also what screen readers and old clients show), the
 * blocks, and whether the whole channel sees it (otherwise only the asker does).
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, boolean inChannel) {

    /** Slack refuses a message with more blocks; renderers page instead. */
    public static final int MAX_BLOCKS = 50;

    public SlackMessage {
        blocks = List.copyOf(blocks);
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("A Slack message holds at most " + MAX_BLOCKS + " blocks, not "
                    + blocks.size());
        }
    }

    /**
     * {@code text}: plain words, escaped here. Notifications show it and Slack reads &, < and > in
     * it as markup, so a name like {@code <!channel>} would otherwise notify a whole channel.
     */
    public static SlackMessage ephemeral(String text, List<LayoutBlock> blocks) {
        return new SlackMessage(Text.escape(text), blocks, false);
    }

    /** Slack's name for who sees the message. */
    public String responseType() {
        return inChannel ? "in_channel" : "ephemeral";
    }

    public SlackMessage visibleToChannel(boolean visible) {
        return new SlackMessage(text, blocks, visible);
    }

    /** The ids of the files uploaded to Slack that this message's images show, in order. */
    public Set<String> slackFileIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (LayoutBlock block : blocks) {
            if (showsSlackFile(block)) {
                ids.add(((ImageBlock) block).getSlackFile().getId());
            }
        }
        return ids;
    }

    /**
     * The same message without its images of uploaded files: what the answer is when there is no
     * graph to show, since every graph's figures are in the text beside it.
     */
    public SlackMessage withoutSlackFiles() {
        return new SlackMessage(text, blocks.stream().filter(b -> !showsSlackFile(b)).toList(), inChannel);
    }

    private static boolean showsSlackFile(LayoutBlock block) {
        return block instanceof ImageBlock image && image.getSlackFile() != null
                && image.getSlackFile().getId() != null;
    }
}
