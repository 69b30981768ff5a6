package dev.licensebot.server.api;

import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * "Authorization: Bearer &lt;apiKey&gt;" names the tenant every /api call acts for. Both a missing
 * and a wrong key get the same 401, so the answer tells nothing about which keys exist.
 */
final class ApiAuth {

    private static final String TENANT = "licensebot.tenant";
    private static final String SCHEME = "bearer ";

    private final Tenants tenants;

    ApiAuth(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Runs before every /api route, known or not; stores the tenant for the handlers. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw challenge(ctx, "Send your API key as \"Authorization: Bearer <key>\".");
        }
        String trimmed = header.trim();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw challenge(ctx, "The Authorization header must use the Bearer scheme: \"Bearer <key>\".");
        }
        Tenant tenant = tenants.authenticate(trimmed.substring(SCHEME.length()))
                .orElseThrow(() -> challenge(ctx, "The API key is not valid."));
        ctx.attribute(TENANT, tenant);
    }

    static Tenant tenant(Context ctx) {
        Tenant tenant = ctx.attribute(TENANT);
        if (tenant == null) {
            // Only reachable if a route were registered outside /api: fail loudly, not open.
            throw new IllegalStateException("No authenticated tenant for " + ctx.path());
        }
        return tenant;
    }

    private static ApiError challenge(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return ApiError.unauthorized(message);
    }
}
