package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.conversation.UsageBar;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.Sparkline;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageSummary;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.teams.identity.Requester;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Both pools: in use now out of the total with a bar, 30-day daily average and max, denials today,
 * and the 30-day graph inline with its sparkline. The pictures travel inside the card as data: URIs
 * (Teams fetches nothing from us), small enough that both fit Teams' 28 KB with the rest.
 */
public final class UsageCard {

    private UsageCard() {
    }

    /** A pool's graph: the PNG at {@link dev.licensebot.core.usage.chart.ChartSize#CARD} and its alt text. */
    public record Graph(byte[] png, String altText) {
    }

    public static ObjectNode of(UsageOverview overview, Graph sessionGraph, Graph userGraph, Requester who) {
        UsageSummary usage = overview.summary();
        AdaptiveCard card = AdaptiveCard.titled("License usage")
                .add(Elements.heading("License usage"))
                .add(Elements.subtle("As of " + TenantTime.dateTimeWithZone(usage.asOf(), usage.zone())))
                .add(pool(overview.session(), sessionGraph))
                .add(pool(overview.user(), userGraph))
                .add(Elements.subtle(ChartWording.KEY))
                .actions(buttons(who))
                .refresh(ViewData.usage(), who.teamsUserId());
        return card.build();
    }

    private static ObjectNode pool(UsageTrend trend, Graph graph) {
        PoolUsage pool = trend.figures();
        String max = pool.dailyMaxDate() == null ? String.valueOf(pool.dailyMax())
                : pool.dailyMax() + " on " + TenantTime.date(pool.dailyMaxDate());
        return Elements.separated(Elements.container(List.of(
                Elements.text("**" + ChartWording.poolTitle(trend.pool()) + "**"),
                Elements.columns(List.of(
                        Elements.column("auto", List.of(Elements.text("**" + pool.inUse() + " / " + pool.total()
                                + "** in use"))),
                        Elements.column("stretch", List.of(Elements.monospace(UsageBar.of(pool.inUse(),
                                pool.total())))))),
                Elements.facts(List.of(
                        new Elements.Fact("Daily average (" + UsageReport.WINDOW_DAYS + " days)",
                                pool.dailyAverage().toPlainString()),
                        new Elements.Fact("Daily max (" + UsageReport.WINDOW_DAYS + " days)", max),
                        new Elements.Fact("Denials today", String.valueOf(pool.deniedToday())))),
                Elements.monospace("Last " + UsageReport.WINDOW_DAYS + " days " + Sparkline.of(trend)),
                Elements.image("data:image/png;base64," + Base64.getEncoder().encodeToString(graph.png()),
                        graph.altText()))));
    }

    /** Only the views this person may open. */
    private static List<ObjectNode> buttons(Requester who) {
        List<ObjectNode> buttons = new ArrayList<>();
        buttons.add(Actions.execute("Refresh", ViewData.usage()));
        if (who.actor().may(Action.VIEW_ACTIVE_SESSIONS)) {
            buttons.add(Actions.execute("Active agents", ViewData.active(null, null, 1)));
        }
        if (who.actor().may(Action.VIEW_HISTORY)) {
            buttons.add(Actions.execute("Session history", history(HistoryKind.SESSIONS)));
            buttons.add(Actions.execute("User history", history(HistoryKind.USERS)));
            buttons.add(Actions.execute("Purchase history", history(HistoryKind.PURCHASES)));
        }
        return buttons;
    }

    private static ActionData history(HistoryKind kind) {
        return ViewData.history(kind, null, 1);
    }
}
