package dev.licensebot.teams;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamsSettingsTest {

    @Test
    void withoutAnAppIdTheBotIsOpen() {
        TeamsSettings settings = TeamsSettings.fromEnvironment(Map.of());
        assertFalse(settings.authenticationEnabled());
        assertEquals(TeamsSettings.AppType.MULTI_TENANT, settings.appType());
    }

    @Test
    void anAppIdWithItsPasswordTurnsAuthenticationOn() {
        TeamsSettings settings = TeamsSettings.fromEnvironment(Map.of("MICROSOFT_APP_ID", "app",
                "MICROSOFT_APP_PASSWORD", "secret", "MICROSOFT_APP_TYPE", "SingleTenant",
                "MICROSOFT_APP_TENANT_ID", "entra-1"));
        assertTrue(settings.authenticationEnabled());
        assertEquals(TeamsSettings.AppType.SINGLE_TENANT, settings.appType());
        assertEquals("entra-1", settings.appTenantId());
    }

    @Test
    void anIncompleteConfigurationStopsTheStartWithTheVariableToFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamsSettings.fromEnvironment(
                Map.of("MICROSOFT_APP_ID", "app"))).getMessage().contains("MICROSOFT_APP_PASSWORD"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamsSettings.fromEnvironment(
                Map.of("MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "secret",
                        "MICROSOFT_APP_TYPE", "SingleTenant"))).getMessage().contains("MICROSOFT_APP_TENANT_ID"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamsSettings.fromEnvironment(
                Map.of("MICROSOFT_APP_TYPE", "Whatever"))).getMessage().contains("MICROSOFT_APP_TYPE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamsSettings.fromEnvironment(
                Map.of("MICROSOFT_APP_TYPE", "UserAssignedMSI"))).getMessage().contains("MICROSOFT_APP_ID"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamsSettings.fromEnvironment(
                Map.of("MICROSOFT_APP_TYPE", "UserAssignedMSI", "MICROSOFT_APP_ID", "client")))
                .getMessage().contains("MICROSOFT_APP_TENANT_ID"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamsSettings.fromEnvironment(
                Map.of("MICROSOFT_APP_TYPE", "UserAssignedMSI", "MICROSOFT_APP_ID", "client",
                        "MICROSOFT_APP_TENANT_ID", "entra-1", "MICROSOFT_APP_PASSWORD", "secret")))
                .getMessage().contains("MICROSOFT_APP_PASSWORD"));
    }

    @Test
    void aUserAssignedManagedIdentityNeedsItsClientIdAndTenantButNoPassword() {
        TeamsSettings settings = TeamsSettings.fromEnvironment(Map.of("MICROSOFT_APP_TYPE", "UserAssignedMSI",
                "MICROSOFT_APP_ID", "identity-client-id", "MICROSOFT_APP_TENANT_ID", "entra-1"));
        assertTrue(settings.authenticationEnabled());
        assertEquals(TeamsSettings.AppType.USER_ASSIGNED_MSI, settings.appType());
        assertEquals("identity-client-id", settings.appId());
        assertEquals("entra-1", settings.appTenantId());
    }

    @Test
    void thePasswordNeverShowsInALog() {
        String shown = TeamsSettings.authenticated("app", "s3cr3t").toString();
        assertFalse(shown.contains("s3cr3t"), shown);
        assertTrue(shown.contains("app"));
    }
}
