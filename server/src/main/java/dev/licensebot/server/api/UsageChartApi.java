package dev.licensebot.server.api;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageCharts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/v1/usage/chart.png?pool=session|user}: the 30-day usage graph the chat answers
 * show, as a PNG, with its alt text in a header for whoever embeds it.
 */
final class UsageChartApi {

    /** The figures the picture states, for an img alt attribute (ASCII-safe: it is a header). */
    static final String ALT_TEXT_HEADER = "X-Alt-Text";

    private final UsageReport usage;
    private final UsageCharts charts;

    UsageChartApi(UsageReport usage, UsageCharts charts) {
        this.usage = usage;
        this.charts = charts;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/usage/chart.png", this::chart);
    }

    /** Without {@code pool}, the session pool: the one the graph of the replaced page showed. */
    private void chart(Context ctx) {
        Tenant tenant = ApiAuth.tenant(ctx);
        String pool = ctx.queryParam("pool");
        UsageCharts.Chart chart = charts.render(usage.trend(tenant, Actor.api(tenant.id()),
                pool == null ? Pool.SESSION : Pool.parse(pool)), ChartSize.CHAT);
        ctx.header(ALT_TEXT_HEADER, chart.altText());
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.contentType("image/png").result(chart.png());
    }
}
