package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.slack.reply.SlackMessage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** One-sentence answers: a refusal, a failure on our side, a change done, a plain note. */
public final class Notices {

    private Notices() {
    }

    public static SlackMessage refusal(Refusal refusal) {
        return note(":no_entry: ", refusal.userMessage());
    }

    /** The core's one apology, the same on every surface. */
    public static SlackMessage failure() {
        return note(":warning: ", Answer.Failed.APOLOGY);
    }

    /** A change made: the core's summary, and when, in the reader's zone. */
    public static SlackMessage done(String summary, Instant at, ZoneId zone) {
        String text = Text.cut(summary, Text.MAX_TEXT);
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(":white_check_mark: " + Text.escape(text)))),
                context(c -> c.elements(List.of(markdownText("Done " + SlackDates.mrkdwn(at, zone))))));
        return SlackMessage.ephemeral(text, blocks);
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
