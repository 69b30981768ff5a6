package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.core.alerts.AlertsView;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The answer to "alerts": what was just done, where alerts go, the levels watched, the live
 * incidents (as their messages read, without their buttons: those are on the messages) and the
 * recent ones.
 */
public final class AlertsBlocks {

    /** Keeps the answer within Slack's 50 blocks whatever the incidents. */
    private static final int MAX_LIVE = 10;

    private AlertsBlocks() {
    }

    public static SlackMessage render(AlertsView view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Text.cut(Text.escape(view.sentence()), Text.MAX_TEXT)))));
        blocks.add(header(h -> h.text(plainText("Alerts"))));
        List<String> places = new ArrayList<>();
        if (view.places().isEmpty()) {
            places.add("No place receives alerts yet: type `/licenses alerts on` in the channel that should.");
        } else {
            places.add("*Alerts go to*");
            view.places().forEach(p -> places.add("• " + Text.escape(p)));
        }
        blocks.add(section(s -> s.text(markdownText(joined(places)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(Text.cut(Text.escape(view.levels()),
                Text.MAX_TEXT))))));
        if (!view.live().isEmpty()) {
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText("*Live*"))));
            for (IncidentNotice notice : view.live().stream().limit(MAX_LIVE).toList()) {
                List<String> lines = new ArrayList<>();
                lines.add(":rotating_light: *" + Text.escape(notice.headline()) + "*");
                notice.lines().forEach(line -> lines.add(Text.escape(line)));
                blocks.add(section(s -> s.text(markdownText(joined(lines)))));
            }
        }
        if (!view.recent().isEmpty()) {
            List<String> recent = new ArrayList<>();
            recent.add("*Recent*");
            view.recent().forEach(r -> recent.add("• " + Text.escape(r)));
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(joined(recent)))));
        }
        return SlackMessage.ephemeral(view.sentence(), blocks);
    }

    /** One text of at most Slack's length: a block per part keeps the answer within its 50 blocks. */
    private static String joined(List<String> lines) {
        return Text.cut(String.join("\n", lines), Text.MAX_TEXT);
    }
}
