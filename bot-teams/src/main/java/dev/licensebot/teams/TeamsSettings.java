package dev.licensebot.teams;

import java.util.Locale;
import java.util.Map;

/**
 * How the Teams bot authenticates, read once at start-up from MICROSOFT_APP_ID,
 * MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID and MICROSOFT_APP_TYPE. Without an app id the
 * bot is open, as the Bot Framework Emulator expects; with one, every request must carry a valid
 * Bot Framework token.
 *
 * @param openIdMetadataUrl where the Bot Framework publishes its token signing keys; null for the
 *                          public cloud's own (sovereign clouds and tests point it elsewhere)
 */
public record TeamsSettings(String appId, String appPassword, String appTenantId, AppType appType,
                            String openIdMetadataUrl) {

    /**
     * The kinds of Azure bot identity. Since 31 July 2025 Azure creates only SingleTenant and
     * UserAssignedMSI registrations; MultiTenant ones created earlier keep working.
     */
    public enum AppType {
        MULTI_TENANT, SINGLE_TENANT, USER_ASSIGNED_MSI;

        static AppType parse(String value) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            return switch (v) {
                case "", "multitenant" -> MULTI_TENANT;
                case "singletenant" -> SINGLE_TENANT;
                case "userassignedmsi" -> USER_ASSIGNED_MSI;
                default -> throw new IllegalArgumentException(
                        "MICROSOFT_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI, not " + value);
            };
        }
    }

    public TeamsSettings {
        appId = blankToNull(appId);
        appPassword = blankToNull(appPassword);
        appTenantId = blankToNull(appTenantId);
        appType = appType == null ? AppType.MULTI_TENANT : appType;
        openIdMetadataUrl = blankToNull(openIdMetadataUrl);
        if (appType == AppType.USER_ASSIGNED_MSI) {
            requireManagedIdentity(appId, appPassword, appTenantId);
        } else if (appId != null && appPassword == null) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set");
        }
        if (appId != null && appType == AppType.SINGLE_TENANT && appTenantId == null) {
            throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID is required for a SingleTenant bot");
        }
    }

    /** A managed identity has no password: Azure hands out its tokens to whatever runs as it. */
    private static void requireManagedIdentity(String appId, String appPassword, String appTenantId) {
        if (appId == null) {
            throw new IllegalArgumentException("MICROSOFT_APP_ID (the managed identity's client id) is required "
                    + "for a UserAssignedMSI bot");
        }
        if (appTenantId == null) {
            throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID (the managed identity's tenant) is required "
                    + "for a UserAssignedMSI bot");
        }
        if (appPassword != null) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD must not be set for a UserAssignedMSI bot: "
                    + "its tokens come from the managed identity");
        }
    }

    public static TeamsSettings fromEnvironment(Map<String, String> env) {
        return new TeamsSettings(env.get("MICROSOFT_APP_ID"), env.get("MICROSOFT_APP_PASSWORD"),
                env.get("MICROSOFT_APP_TENANT_ID"), AppType.parse(env.get("MICROSOFT_APP_TYPE")), null);
    }

    /** No app id: anyone who can reach /api/messages may talk to the bot (local use only). */
    public static TeamsSettings open() {
        return new TeamsSettings(null, null, null, null, null);
    }

    public static TeamsSettings authenticated(String appId, String appPassword) {
        return new TeamsSettings(appId, appPassword, null, null, null);
    }

    /** A bot that runs as Azure user-assigned managed identity {@code clientId} of Entra tenant {@code tenantId}. */
    public static TeamsSettings managedIdentity(String clientId, String tenantId) {
        return new TeamsSettings(clientId, null, tenantId, AppType.USER_ASSIGNED_MSI, null);
    }

    public boolean authenticationEnabled() {
        return appId != null;
    }

    public TeamsSettings withOpenIdMetadataUrl(String url) {
        return new TeamsSettings(appId, appPassword, appTenantId, appType, url);
    }

    /** The password never reaches a log. */
    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword == null ? "unset" : "***")
                + ", appTenantId=" + appTenantId + ", appType=" + appType + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
