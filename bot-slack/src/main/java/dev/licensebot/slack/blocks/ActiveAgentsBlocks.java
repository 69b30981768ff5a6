package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.time.TenantTime;
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
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * The Active Agents list: one line per session, one checkbox group to select rows (a page never
 * holds more rows than a group has options), Terminate selected, Refresh, paging and sorting.
 */
public final class ActiveAgentsBlocks {

    /** Slack's limit of options in one checkbox group; pages are never larger. */
    public static final int MAX_SELECTABLE = 10;

    private ActiveAgentsBlocks() {
    }

    public static SlackMessage render(ActiveSessions.View view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Active agents"))));
        if (view.noneConnected()) {
            blocks.add(section(s -> s.text(markdownText(ActiveSessions.NONE_CONNECTED))));
            blocks.add(context(c -> c.elements(List.of(markdownText(asOf(view))))));
            blocks.add(actions(a -> a.elements(List.of(refresh(view)))));
            return SlackMessage.ephemeral(ActiveSessions.NONE_CONNECTED, blocks);
        }
        Page<AgentSession> page = view.sessions();
        blocks.add(context(c -> c.elements(List.of(markdownText(summary(view) + "  ·  " + asOf(view))))));
        if (page.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("Page " + page.page() + " is past the end of the list; it has "
                    + Text.count(page.totalPages(), "page", "pages") + "."))));
        }
        blocks.addAll(SessionLines.sections(page.rows(), view.zone()));
        if (!page.isEmpty()) {
            blocks.add(actions(a -> a.blockId(ActionIds.SELECTION_BLOCK).elements(List.of(
                    checkboxes(c -> c.actionId(ActionIds.ACTIVE_SELECT).options(options(view)))))));
        }
        blocks.add(actions(a -> a.elements(buttons(view))));
        String text = Text.count(page.totalRows(), "agent", "agents") + " connected";
        return SlackMessage.ephemeral(text, blocks);
    }

    /** "12 connected · sorted by start, oldest first · page 1 of 2". */
    private static String summary(ActiveSessions.View view) {
        Page<AgentSession> page = view.sessions();
        return "*" + page.totalRows() + "* connected  ·  sorted by " + view.sort().describe(view.order())
                + "  ·  page " + page.page() + " of " + page.totalPages();
    }

    private static String asOf(ActiveSessions.View view) {
        return "as of " + SlackDates.mrkdwn(view.asOf(), view.zone());
    }

    /** The row's checkbox: short, in the tenant's time, because option texts hold 75 characters. */
    private static List<OptionObject> options(ActiveSessions.View view) {
        return view.sessions().rows().stream().limit(MAX_SELECTABLE).map(s -> OptionObject.builder()
                .text(plainText(Text.escapeCut(s.displayName(), 40) + " · since "
                        + TenantTime.since(s.startedAt(), view.asOf(), view.zone())))
                .value(s.id())
                .build()).toList();
    }

    private static List<BlockElement> buttons(ActiveSessions.View view) {
        Page<AgentSession> page = view.sessions();
        List<BlockElement> buttons = new ArrayList<>();
        if (!page.isEmpty()) {
            buttons.add(button(b -> b.actionId(ActionIds.TERMINATE_SELECTED).text(plainText("Terminate selected"))
                    .style("danger").value(value(view, page.page()))));
        }
        buttons.add(refresh(view));
        buttons.addAll(PagingButtons.of(page, ActionIds.ACTIVE_PREVIOUS, ActionIds.ACTIVE_NEXT, p -> value(view, p)));
        buttons.add(sortMenu(view));
        return buttons;
    }

    private static BlockElement refresh(ActiveSessions.View view) {
        return button(b -> b.actionId(ActionIds.ACTIVE_REFRESH).text(plainText("Refresh"))
                .value(value(view, view.sessions().page())));
    }

    /** This list (its sort and order) at {@code page}. */
    private static String value(ActiveSessions.View view, int page) {
        return ButtonValues.active(view.sort(), view.order(), page);
    }

    private static BlockElement sortMenu(ActiveSessions.View view) {
        List<OptionObject> options = new ArrayList<>();
        OptionObject current = null;
        for (SessionSort sort : SessionSort.values()) {
            for (SortOrder order : SortOrder.values()) {
                OptionObject option = OptionObject.builder().text(plainText("Sort: " + sort.describe(order)))
                        .value(ButtonValues.active(sort, order, 1)).build();
                options.add(option);
                if (sort == view.sort() && order == view.order()) {
                    current = option;
                }
            }
        }
        OptionObject initial = current;
        return staticSelect(s -> s.actionId(ActionIds.ACTIVE_SORT).placeholder(plainText("Sort"))
                .options(options).initialOption(initial));
    }
}
