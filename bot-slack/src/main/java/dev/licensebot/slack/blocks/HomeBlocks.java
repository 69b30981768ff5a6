package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.slack.chart.ChartImages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The Home tab: the usage summary, the oldest active sessions, and the ways into every flow. */
public final class HomeBlocks {

    /** Slack's limit for a Home tab. */
    public static final int MAX_BLOCKS = 100;
    /** How many of the oldest sessions the Home tab lists; the full list is one button away. */
    public static final int OLDEST_SESSIONS = 5;

    private HomeBlocks() {
    }

    /** {@code oldest} is empty when the person may not see active agents. */
    public static List<LayoutBlock> render(Tenant tenant, Actor actor, UsageOverview usage,
                                           Optional<ActiveSessions.View> oldest, ChartImages charts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Text.escapeCut("licensebot · " + tenant.name(), 150)))));
        blocks.addAll(UsageBlocks.pools(usage, charts));
        List<BlockElement> buttons = new ArrayList<>(UsageBlocks.navigation(actor));
        buttons.add(button(b -> b.actionId(ActionIds.HOME_REFRESH).text(plainText("Refresh")).value("home")));
        blocks.add(actions(a -> a.elements(buttons)));
        oldest.ifPresent(view -> blocks.addAll(oldestSessions(view)));
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalStateException("The Home tab holds at most " + MAX_BLOCKS + " blocks");
        }
        return blocks;
    }

    private static List<LayoutBlock> oldestSessions(ActiveSessions.View view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Oldest active sessions"))));
        if (view.noneConnected()) {
            blocks.add(section(s -> s.text(markdownText(ActiveSessions.NONE_CONNECTED))));
            return blocks;
        }
        blocks.addAll(SessionLines.sections(view.sessions().rows(), view.zone()));
        long total = view.sessions().totalRows();
        blocks.add(context(c -> c.elements(List.of(markdownText("*" + total + "* connected in all; "
                + "*Active agents* lists them all and lets you terminate sessions.")))));
        return blocks;
    }
}
