package dev.licensebot.slack.reply;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

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

    public static SlackMessage ephemeral(String text, List<LayoutBlock> blocks) {
        return new SlackMessage(text, blocks, false);
    }

    public SlackMessage visibleToChannel(boolean visible) {
        return new SlackMessage(text, blocks, visible);
    }
}
