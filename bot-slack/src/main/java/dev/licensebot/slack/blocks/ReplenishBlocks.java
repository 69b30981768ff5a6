package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.slack.reply.SlackMessage;

import java.time.ZoneId;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The replenish confirmation and the new total. */
public final class ReplenishBlocks {

    private ReplenishBlocks() {
    }

    public static SlackMessage plan(ReplenishPlan plan, ZoneId zone) {
        String summary = Text.cut(plan.summary(), Text.MAX_TEXT);
        String id = plan.confirmation().id();
        boolean removing = plan.delta() < 0;
        String inUse = plan.inUse() + " " + plan.pool().label() + " licenses are in use now. Only you can confirm this, "
                + "until " + SlackDates.mrkdwn(plan.confirmation().expiresAt(), zone) + " ("
                + Confirmations.LIFETIME.toMinutes() + " minutes).";
        List<LayoutBlock> blocks = List.of(
                header(h -> h.text(plainText(removing ? "Remove licenses?" : "Add licenses?"))),
                section(s -> s.text(markdownText(Text.escape(summary)))),
                context(c -> c.elements(List.of(markdownText(inUse)))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(ActionIds.REPLENISH_CONFIRM).text(plainText("Confirm"))
                                .style(removing ? "danger" : "primary").value(id).confirm(dialog(summary))),
                        button(b -> b.actionId(ActionIds.REPLENISH_CANCEL).text(plainText("Cancel")).value(id))))));
        return SlackMessage.ephemeral(summary, blocks);
    }

    private static ConfirmationDialogObject dialog(String summary) {
        return ConfirmationDialogObject.builder()
                .title(plainText("Change the license total?"))
                .text(plainText(Text.escapeCut(summary, 300)))
                .confirm(plainText("Confirm"))
                .deny(plainText("Back"))
                .build();
    }
}
