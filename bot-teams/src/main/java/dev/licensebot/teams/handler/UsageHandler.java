package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.usage.UsageOverview;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.card.UsageCard;
import dev.licensebot.teams.identity.Requester;

/** "usage", "licenses": both pools, with their graphs. */
public final class UsageHandler implements RequestHandler<LicenseRequest.Usage> {

    private final LicenseCore core;

    public UsageHandler(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.Usage request) {
        UsageOverview overview = core.usage().overview(who.tenant(), who.actor());
        return UsageCard.of(overview, graph(overview.session()), graph(overview.user()), who);
    }

    private UsageCard.Graph graph(UsageTrend trend) {
        UsageCharts.Chart chart = core.charts().render(trend, ChartSize.CARD);
        return new UsageCard.Graph(chart.png(), chart.altText());
    }
}
