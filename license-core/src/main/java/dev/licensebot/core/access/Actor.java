package dev.licensebot.core.access;

/**
 * Who asks, for which tenant, from where. Chat users are operators resolved by email; the API
 * and the CLI act as the tenant's own systems.
 */
public record Actor(String tenantId, String name, Role role, Surface surface) {

    public static Actor api(String tenantId) {
        return new Actor(tenantId, "api", Role.ADVANCED_ADMIN, Surface.API);
    }

    public static Actor cli(String tenantId) {
        return new Actor(tenantId, "cli", Role.ADVANCED_ADMIN, Surface.CLI);
    }

    /**
     * The tenant's own systems ({@link #api}, {@link #cli}) rather than a person: operators are
     * named by email, so no person can be mistaken for one.
     */
    public boolean isSystem() {
        return equals(api(tenantId)) || equals(cli(tenantId));
    }

    public boolean may(Action action) {
        return role.atLeast(action.lowestRole());
    }
}
