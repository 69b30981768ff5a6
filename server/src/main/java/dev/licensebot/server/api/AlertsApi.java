package dev.licensebot.server.api;

import dev.licensebot.core.alerts.Alerts;
import dev.licensebot.core.tenant.Tenant;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** GET /api/v1/alerts: the tenant's live and recent incidents, as "alerts" shows them in chat. */
final class AlertsApi {

    private final Alerts alerts;

    AlertsApi(Alerts alerts) {
        this.alerts = alerts;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/alerts", this::incidents);
    }

    private void incidents(Context ctx) {
        Tenant tenant = ApiAuth.tenant(ctx);
        ctx.json(new IncidentJson.Incidents(alerts.recent(tenant).stream().map(IncidentJson::of).toList()));
    }
}
