package dev.licensebot.server.api;

import dev.licensebot.core.tenant.ApiKeys;
import dev.licensebot.core.tenant.RecentTenants;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import io.javalin.http.Context;

import java.util.Locale;
import java.util.Optional;

/**
 * "Authorization: Bearer &lt;apiKey&gt;" names the tenant every /api call acts for. Both a missing
 * and a wrong key get the same 401, so the answer tells nothing about which keys exist.
 */
final class ApiAuth {

    private static final String TENANT = "licensebot.tenant";
    private static final String SCHEME = "bearer ";

    private final Tenants tenants;
    /**
     * Every heartbeat used to start with a lookup of its key (issue 7, B2): a revoked key keeps
     * working on this node for up to {@link RecentTenants#TTL} (docs/operations.md). Remembered by
     * the key's hash, so the keys themselves are not kept in memory.
     */
    private final RecentTenants keys = new RecentTenants();

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
        Tenant tenant = find(trimmed.substring(SCHEME.length()).trim())
                .orElseThrow(() -> challenge(ctx, "The API key is not valid."));
        ctx.attribute(TENANT, tenant);
    }

    private Optional<Tenant> find(String key) {
        return key.isEmpty() ? Optional.empty() : keys.find(ApiKeys.hash(key), () -> tenants.findByApiKey(key));
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
