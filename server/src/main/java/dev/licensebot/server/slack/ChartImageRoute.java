package dev.licensebot.server.slack;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.slack.chart.ChartLinks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /charts/usage.png?tenant=…&pool=…&expires=…&signature=…}: the usage graph for Slack,
 * which fetches message images itself and has no API key. The signed link is the permission: it
 * was made for someone the core had just allowed to see usage, and it expires.
 */
final class ChartImageRoute {

    private final LicenseCore core;
    private final ChartLinks links;

    ChartImageRoute(LicenseCore core, ChartLinks links) {
        this.core = core;
        this.links = links;
    }

    void register(RoutesConfig routes) {
        routes.get(ChartLinks.PATH, this::serve);
    }

    private void serve(Context ctx) {
        String tenantId = ctx.queryParam("tenant");
        String pool = ctx.queryParam("pool");
        if (!links.valid(tenantId, pool, ctx.queryParam("expires"), ctx.queryParam("signature"))) {
            refuse(ctx, 403, "forbidden", "This chart link is not valid or has expired.");
            return;
        }
        Optional<Tenant> tenant = core.tenants().find(tenantId);
        if (tenant.isEmpty()) {
            refuse(ctx, 404, "not_found", "There is no such chart.");
            return;
        }
        // The core checked the person when the link was made; Slack's fetch is the server's own read.
        UsageCharts.Chart chart = core.charts().render(core.usage().trend(tenant.get(), Actor.api(tenantId),
                Pool.parse(pool)), ChartSize.CHAT);
        // Slack's image proxy may cache it for a while; nobody else should.
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.contentType("image/png").result(chart.png());
    }

    private static void refuse(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("error", code, "message", message));
    }
}
