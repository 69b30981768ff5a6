package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.replenish.ReplenishPlan;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.slack.reply.SlackMessage;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * What a terminate or a replenish would do, and Confirm/Cancel carrying the core's single-use
 * confirmation id (exactly which sessions, for a terminate).
 */
public final class ConfirmationBlocks {

    /** Room for the id, the agent (cut at 100) and the time, and the start of the interactions. */
    static final int DETAIL_MAX = 400;

    private ConfirmationBlocks() {
    }

    public static SlackMessage terminate(TerminationPlan plan) {
        if (!plan.needsConfirmation()) {
            return Notices.info(plan.summary());
        }
        int n = plan.toTerminate().size();
        // One line per session, capped after the id and the time so the most the core allows fit 50 blocks.
        List<String> details = plan.toTerminate().stream().map(s -> Text.cut("• `" + Text.escape(s.id()) + "`  "
                + SessionLines.line(s, plan.zone()), DETAIL_MAX)).toList();
        ConfirmationDialogObject dialog = ConfirmationDialogObject.builder()
                .title(plainText("Terminate " + Text.count(n, "session", "sessions") + "?"))
                .text(plainText("The agents are logged out at once and lose their open interactions."))
                .confirm(plainText("Terminate")).deny(plainText("Keep them")).style("danger").build();
        return ask("Terminate sessions?", plan.summary(), details, until(plan.confirmation(), plan.zone())
                        + " The agents' open interactions are cut and their applications must be reloaded.",
                button(b -> b.actionId(ActionIds.TERMINATE_CONFIRM).text(plainText("Terminate " + n))
                        .style("danger").value(plan.confirmation().id()).confirm(dialog)),
                ActionIds.TERMINATE_CANCEL, plan.confirmation().id());
    }

    public static SlackMessage replenish(ReplenishPlan plan, ZoneId zone) {
        boolean removing = plan.delta() < 0;
        ConfirmationDialogObject dialog = ConfirmationDialogObject.builder()
                .title(plainText("Change the license total?"))
                .text(plainText(Text.escapeCut(Text.cut(plan.summary(), Text.MAX_TEXT), 300)))
                .confirm(plainText("Confirm")).deny(plainText("Back")).build();
        return ask(removing ? "Remove licenses?" : "Add licenses?", plan.summary(), List.of(),
                plan.inUse() + " " + plan.pool().label() + " licenses are in use now. "
                        + until(plan.confirmation(), zone),
                button(b -> b.actionId(ActionIds.REPLENISH_CONFIRM).text(plainText("Confirm"))
                        .style(removing ? "danger" : "primary").value(plan.confirmation().id()).confirm(dialog)),
                ActionIds.REPLENISH_CANCEL, plan.confirmation().id());
    }

    private static String until(Confirmation confirmation, ZoneId zone) {
        return "Only you can confirm this, until " + SlackDates.mrkdwn(confirmation.expiresAt(), zone) + " ("
                + Confirmations.LIFETIME.toMinutes() + " minutes).";
    }

    private static SlackMessage ask(String title, String summary, List<String> details, String note,
                                    ButtonElement confirm, String cancelId, String confirmationId) {
        String text = Text.cut(summary, Text.MAX_TEXT);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(title))));
        blocks.add(section(s -> s.text(markdownText(Text.escape(text)))));
        for (String chunk : Text.chunks(details)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(note)))));
        blocks.add(actions(a -> a.elements(List.of(confirm,
                button(b -> b.actionId(cancelId).text(plainText("Cancel")).value(confirmationId))))));
        return SlackMessage.ephemeral(text, blocks);
    }
}
