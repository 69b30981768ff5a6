package dev.licensebot.slack.alerts;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.blocks.Text;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** An incident's message and the weekly digest, laid out from the core's words. */
public final class AlertBlocks {

    private AlertBlocks() {
    }

    /** The headline in bold, its lines, and the buttons of a live incident (none once resolved). */
    public static SlackMessage incident(IncidentNotice notice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String icon = notice.live() ? ":rotating_light: " : ":white_check_mark: ";
        blocks.add(section(s -> s.text(markdownText(Text.cut(icon + "*" + Text.escape(notice.headline()) + "*",
                Text.MAX_TEXT)))));
        if (!notice.lines().isEmpty()) {
            String lines = String.join("\n", notice.lines().stream().map(Text::escape).toList());
            blocks.add(section(s -> s.text(markdownText(Text.cut(lines, Text.MAX_TEXT)))));
        }
        List<BlockElement> buttons = buttons(notice);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return message(notice.summary(), blocks);
    }

    /** Both alike: everyone in the channel sees them (they are posted, not answered). */
    private static SlackMessage message(String text, List<LayoutBlock> blocks) {
        return SlackMessage.ephemeral(Text.cut(text, Text.MAX_TEXT), blocks).visibleToChannel(true);
    }

    /** Each button carries the incident's id, so a press needs no memory of the message. */
    private static List<BlockElement> buttons(IncidentNotice notice) {
        List<BlockElement> buttons = new ArrayList<>();
        if (notice.offersActiveAgents()) {
            buttons.add(button(b -> b.actionId(ActionIds.ALERT_ACTIVE).text(plainText("Active agents"))
                    .value(notice.incidentId())));
        }
        for (IncidentAction action : notice.buttons()) {
            buttons.add(button(b -> b.actionId(ActionIds.alert(action)).text(plainText(action.label()))
                    .value(notice.incidentId())));
        }
        return buttons;
    }
}
