package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.UsageBar;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.Sparkline;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageSummary;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.identity.Requester;

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

    /** {@code charts} draws each pool's graph at {@link ChartSize#CARD}. */
    public static ObjectNode of(UsageOverview overview, UsageCharts charts, Requester who) {
        UsageSummary usage = overview.summary();
        AdaptiveCard card = AdaptiveCard.titled("License usage")
                .add(Elements.heading("License usage"))
                .add(Elements.subtle("As of " + TenantTime.dateTimeWithZone(usage.asOf(), usage.zone())))
                .add(pool(overview.session(), charts.render(overview.session(), ChartSize.CARD)))
                .add(pool(overview.user(), charts.render(overview.user(), ChartSize.CARD)))
                .add(Elements.subtle(ChartWording.KEY))
                .actions(ViewData.buttons(who.actor(), "Refresh"))
                .refresh(ViewData.usage(), who.teamsUserId());
        return card.build();
    }

    private static ObjectNode pool(UsageTrend trend, UsageCharts.Chart graph) {
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
}
