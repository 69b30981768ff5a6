package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.UsageBar;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.Sparkline;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.UsageSummary;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.reply.SlackMessage;

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

/**
 * The usage answer and the Home tab: both pools with a bar, the 30-day figures, their sparkline and
 * graph, and buttons into the other views; the Home tab also lists the oldest sessions.
 */
public final class UsageBlocks {

    /** Slack's limit for an image's alt text. */
    static final int MAX_ALT_TEXT = 2000;
    /** Slack's limit for a Home tab. */
    static final int MAX_HOME_BLOCKS = 100;

    private UsageBlocks() {
    }

    public static SlackMessage render(UsageOverview usage, Actor actor, ChartImages charts) {
        return SlackMessage.ephemeral(text(usage.summary()), usage("License usage", usage, actor, charts,
                ActionIds.USAGE_REFRESH, "usage"));
    }

    /**
     * The Home tab: the same figures under the account's name, then the oldest sessions;
     * {@code oldest} is empty when the person may not see active agents.
     */
    public static List<LayoutBlock> home(Tenant tenant, Actor actor, UsageOverview usage,
                                         Optional<ActiveSessions.View> oldest, ChartImages charts) {
        List<LayoutBlock> blocks = usage(Text.escapeCut("licensebot · " + tenant.name(), 150), usage, actor, charts,
                ActionIds.HOME_REFRESH, "home");
        oldest.ifPresent(view -> blocks.addAll(oldestSessions(view)));
        if (blocks.size() > MAX_HOME_BLOCKS) {
            throw new IllegalStateException("The Home tab holds at most " + MAX_HOME_BLOCKS + " blocks");
        }
        return blocks;
    }

    private static List<LayoutBlock> usage(String title, UsageOverview usage, Actor actor, ChartImages charts,
                                           String refreshId, String refreshValue) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(title))));
        blocks.addAll(pools(usage, charts));
        List<BlockElement> buttons = new ArrayList<>(navigation(actor));
        buttons.add(button(b -> b.actionId(refreshId).text(plainText("Refresh")).value(refreshValue)));
        blocks.add(actions(a -> a.elements(buttons)));
        return blocks;
    }

    private static List<LayoutBlock> oldestSessions(ActiveSessions.View view) {
        List<LayoutBlock> blocks = new ArrayList<>(List.of(divider(),
                header(h -> h.text(plainText("Oldest active sessions")))));
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

    /**
     * The two pools, each with its sparkline and, when Slack can be given the picture, its graph; then
     * the line that says what the figures cover.
     */
    private static List<LayoutBlock> pools(UsageOverview overview, ChartImages charts) {
        UsageSummary usage = overview.summary();
        String covers = "Daily figures over the last " + UsageReport.WINDOW_DAYS + " days, days in "
                + usage.zone().getId() + "  ·  as of " + SlackDates.mrkdwn(usage.asOf(), usage.zone());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.addAll(pool(overview.session(), charts));
        blocks.addAll(pool(overview.user(), charts));
        blocks.add(context(c -> c.elements(List.of(markdownText(covers)))));
        return blocks;
    }

    private static List<LayoutBlock> pool(UsageTrend trend, ChartImages charts) {
        String title = ChartWording.poolTitle(trend.pool());
        String text = pool(title, trend.figures()) + "\nLast " + UsageReport.WINDOW_DAYS + " days `"
                + Sparkline.of(trend) + "`";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        charts.image(trend, Text.cut(ChartWording.altText(trend), MAX_ALT_TEXT)).ifPresent(blocks::add);
        return blocks;
    }

    /** Active agents, History, and Replenish for those allowed; the core checks again on use. */
    private static List<BlockElement> navigation(Actor actor) {
        List<BlockElement> buttons = new ArrayList<>();
        if (actor.may(Action.VIEW_ACTIVE_SESSIONS)) {
            buttons.add(button(b -> b.actionId(ActionIds.SHOW_ACTIVE).text(plainText("Active agents"))
                    .style("primary").value("active")));
        }
        if (actor.may(Action.VIEW_HISTORY)) {
            buttons.add(button(b -> b.actionId(ActionIds.SHOW_HISTORY).text(plainText("History"))
                    .value(ButtonValues.history(LicenseRequest.HistoryKind.SESSIONS, null, 1))));
        }
        if (actor.may(Action.REPLENISH)) {
            buttons.add(button(b -> b.actionId(ActionIds.REPLENISH_OPEN).text(plainText("Replenish"))
                    .value("replenish")));
        }
        return buttons;
    }

    /** "*Session licenses*  `███░░░░░░░`  *7* / 20 in use" and the 30-day line. */
    private static String pool(String title, PoolUsage pool) {
        String max = pool.dailyMaxDate() == null ? String.valueOf(pool.dailyMax())
                : pool.dailyMax() + " on " + TenantTime.date(pool.dailyMaxDate());
        return "*" + title + "*\n`" + UsageBar.of(pool.inUse(), pool.total()) + "`  *" + pool.inUse() + "* / "
                + pool.total() + " in use\nDaily average *" + pool.dailyAverage().toPlainString()
                + "*  ·  Daily max *" + max + "*  ·  Denied today *" + pool.deniedToday() + "*";
    }

    private static String text(UsageSummary usage) {
        return "Session licenses " + usage.session().inUse() + "/" + usage.session().total() + ", user licenses "
                + usage.user().inUse() + "/" + usage.user().total() + " in use";
    }
}
