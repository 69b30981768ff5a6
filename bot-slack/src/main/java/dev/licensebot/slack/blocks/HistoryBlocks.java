package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.users.PlatformUser;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** A page of one history as a table, newest first, with paging and the way to the other histories. */
public final class HistoryBlocks {

    private HistoryBlocks() {
    }

    public static SlackMessage users(HistoryView<PlatformUser> view, HistoryListState state, ConversationLinks links) {
        return render(UserHistoryTable.TABLE, view, state, links);
    }

    public static SlackMessage sessions(HistoryView<AgentSession> view, HistoryListState state,
                                        ConversationLinks links) {
        return render(SessionHistoryTable.TABLE, view, state, links);
    }

    public static SlackMessage purchases(HistoryView<Replenishment> view, HistoryListState state) {
        return render(PurchaseHistoryTable.TABLE, view, state, ConversationLinks.none());
    }

    private static <T> SlackMessage render(HistoryTable<T> table, HistoryView<T> view, HistoryListState state,
                                           ConversationLinks links) {
        Page<T> page = view.rows();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(table.title()))));
        String summary = summary(table, view);
        blocks.add(context(c -> c.elements(List.of(markdownText(summary)))));
        if (page.isEmpty()) {
            String nothing = view.isEmpty() ? "Nothing recorded" + since(view) + "."
                    : "Page " + page.page() + " is past the end; there are " + page.totalPages() + ".";
            blocks.add(section(s -> s.text(markdownText(nothing))));
        } else {
            blocks.add(table.table(page.rows(), view.zone(), links));
        }
        blocks.add(actions(a -> a.elements(buttons(page, state))));
        return SlackMessage.ephemeral(table.title() + ": " + page.totalRows() + " " + table.rowsNoun(), blocks);
    }

    /** "12 sessions since 2026-03-01 · newest first · page 1 of 2 · as of …". */
    private static <T> String summary(HistoryTable<T> table, HistoryView<T> view) {
        Page<T> page = view.rows();
        return "*" + page.totalRows() + "* " + table.rowsNoun() + since(view) + "  ·  newest first  ·  page "
                + page.page() + " of " + page.totalPages() + "  ·  as of " + SlackDates.mrkdwn(view.asOf(), view.zone());
    }

    private static String since(HistoryView<?> view) {
        return view.since() == null ? "" : " since " + TenantTime.date(view.since());
    }

    private static List<BlockElement> buttons(Page<?> page, HistoryListState state) {
        List<BlockElement> buttons = new ArrayList<>();
        if (page.hasPrevious()) {
            int previous = Math.min(page.page() - 1, page.totalPages());
            buttons.add(button(b -> b.actionId(ActionIds.HISTORY_PREVIOUS).text(plainText("Previous"))
                    .value(state.withPage(previous).encode())));
        }
        if (page.hasNext()) {
            buttons.add(button(b -> b.actionId(ActionIds.HISTORY_NEXT).text(plainText("Next"))
                    .value(state.withPage(page.page() + 1).encode())));
        }
        for (HistoryKind other : HistoryKind.values()) {
            if (other != state.kind()) {
                buttons.add(button(b -> b.actionId(ActionIds.historyKind(other))
                        .text(plainText(label(other))).value(state.withKind(other).encode())));
            }
        }
        return buttons;
    }

    private static String label(HistoryKind kind) {
        return kind.title();
    }
}
