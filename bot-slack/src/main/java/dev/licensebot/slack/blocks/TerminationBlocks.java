package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.sessions.AgentSession;
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

/** The terminate confirmation (exactly which sessions, Confirm/Cancel) and what came of it. */
public final class TerminationBlocks {

    /** Room for the id, the agent (cut at 100) and the time, and the start of the interactions. */
    static final int DETAIL_MAX = 400;

    private TerminationBlocks() {
    }

    /** What will happen, and the buttons that carry the core's single-use confirmation id. */
    public static SlackMessage plan(TerminationPlan plan) {
        String summary = Text.cut(plan.summary(), Text.MAX_TEXT);
        if (!plan.needsConfirmation()) {
            return Notices.info(plan.summary());
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Terminate sessions?"))));
        blocks.add(section(s -> s.text(markdownText(Text.escape(summary)))));
        for (String chunk : Text.chunks(details(plan.toTerminate(), plan.zone()))) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        String expires = "Only you can confirm this, until " + SlackDates.mrkdwn(plan.confirmation().expiresAt(),
                plan.zone()) + " (" + Confirmations.LIFETIME.toMinutes() + " minutes). The agents' open "
                + "interactions are cut and their applications must be reloaded.";
        blocks.add(context(c -> c.elements(List.of(markdownText(expires)))));
        String id = plan.confirmation().id();
        int n = plan.toTerminate().size();
        blocks.add(actions(a -> a.elements(List.of(
                button(b -> b.actionId(ActionIds.TERMINATE_CONFIRM).text(plainText("Terminate " + n))
                        .style("danger").value(id).confirm(dialog(n))),
                button(b -> b.actionId(ActionIds.TERMINATE_CANCEL).text(plainText("Cancel")).value(id))))));
        return SlackMessage.ephemeral(summary, blocks);
    }

    /**
     * One line per session: which one, since when, and the interactions the termination cuts. A
     * line is capped (after the id and the time) so the most sessions the core allows fit 50 blocks.
     */
    private static List<String> details(List<AgentSession> sessions, ZoneId zone) {
        return sessions.stream().map(s -> Text.cut("• `" + Text.escape(s.id()) + "`  " + SessionLines.line(s, zone),
                DETAIL_MAX)).toList();
    }

    private static ConfirmationDialogObject dialog(int sessions) {
        return ConfirmationDialogObject.builder()
                .title(plainText("Terminate " + Text.count(sessions, "session", "sessions") + "?"))
                .text(plainText("The agents are logged out at once and lose their open interactions."))
                .confirm(plainText("Terminate"))
                .deny(plainText("Keep them"))
                .style("danger")
                .build();
    }
}
