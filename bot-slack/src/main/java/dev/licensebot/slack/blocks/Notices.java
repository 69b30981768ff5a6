package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.core.Refusal;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** One-sentence answers: a refusal, a failure on our side, a plain note. */
public final class Notices {

    static final String FAILURE = "Sorry, something went wrong on our side and nothing was changed. "
            + "Please try again; if it keeps happening, your licensebot operator can find the details in the server log.";

    private Notices() {
    }

    public static SlackMessage refusal(Refusal refusal) {
        return note(":no_entry: ", refusal.userMessage());
    }

    public static SlackMessage failure() {
        return note(":warning: ", FAILURE);
    }

    public static SlackMessage info(String sentence) {
        return note("", sentence);
    }

    /** The core's sentences may hold `code` on purpose, so only <, > and & are escaped. */
    private static SlackMessage note(String icon, String sentence) {
        String text = Text.cut(icon + Text.escape(sentence), Text.MAX_TEXT);
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))));
        return SlackMessage.ephemeral(Text.cut(sentence, Text.MAX_TEXT), blocks);
    }
}
