package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.DigestWording;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.core.usage.chart.UsageCharts;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The weekly digest: per pool the week's peak against the 30-day average and the total, the
 * week's denials, the sizing line, the forecast when there is one, and the 30-day graph inline as
 * the usage card draws it (data: URIs at {@link ChartSize#CARD}, both within Teams' 28 KB).
 */
public final class DigestCard {

    private DigestCard() {
    }

    /**
     * {@code actor}: whoever asked, whose views the buttons open; null for a digest posted to a
     * conversation without anyone asking, which then carries no buttons.
     */
    public static ObjectNode of(Digest digest, UsageCharts charts, Actor actor) {
        AdaptiveCard card = AdaptiveCard.titled(DigestWording.notification(digest))
                .add(Elements.heading(DigestWording.TITLE))
                .add(Elements.subtle(DigestWording.covers(digest) + " · as of "
                        + TenantTime.dateTimeWithZone(digest.asOf(), digest.zone())));
        for (PoolDigest pool : digest.pools()) {
            card.add(pool(pool, charts.render(pool.trend(), ChartSize.CARD)));
        }
        card.add(Elements.subtle(ChartWording.KEY));
        if (actor != null) {
            card.actions(ViewData.buttons(actor, "Usage"));
        }
        return card.build();
    }

    private static ObjectNode pool(PoolDigest pool, UsageCharts.Chart graph) {
        List<ObjectNode> items = new ArrayList<>(List.of(
                Elements.text("**" + ChartWording.poolTitle(pool.pool()) + "**"),
                Elements.facts(List.of(
                        new Elements.Fact("Week's peak", pool.weekPeak() + " of " + pool.total()),
                        new Elements.Fact("Daily average (" + UsageReport.WINDOW_DAYS + " days)",
                                pool.dailyAverage().toPlainString()),
                        new Elements.Fact("Denials this week", String.valueOf(pool.weekDenials())))),
                Elements.text(Text.sentence(pool.sizing()))));
        if (pool.forecastSentence() != null) {
            items.add(Elements.attention(Text.sentence(pool.forecastSentence())));
        }
        items.add(Elements.monospace("Last " + UsageReport.WINDOW_DAYS + " days " + pool.sparkline()));
        items.add(Elements.image("data:image/png;base64," + Base64.getEncoder().encodeToString(graph.png()),
                graph.altText()));
        return Elements.separated(Elements.container(items));
    }
}
