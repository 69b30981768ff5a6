package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.LicenseCore;
import io.javalin.config.RoutesConfig;

/**
 * The one place the integration API (DESIGN.md section 6) is wired: authentication for /api/v1,
 * the error shape, and each resource's handlers.
 */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static void register(RoutesConfig routes, LicenseCore core, ObjectMapper json) {
        ApiErrors.register(routes);
        ApiAuth auth = new ApiAuth(core.tenants());
        // Not all of /api: the Teams bot lives at /api/messages and authenticates its own way.
        routes.before("/api/v1/*", auth::authenticate);
        Csv csv = new Csv();
        new SessionsApi(core.sessionLicenses(), core.activeSessions(), json, csv).register(routes);
        new UsersApi(core.userLicenses(), json).register(routes);
        new ReadApi(core.usage(), core.histories(), core.auditTrail(), core.digests(), csv).register(routes);
        new UsageChartApi(core.usage(), core.charts()).register(routes);
        new AlertsApi(core.alerts()).register(routes);
    }
}
