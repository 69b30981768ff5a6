package dev.licensebot.server.slack;

import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.server.ServerSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SlackDemoModeTest {

    private static final ServerSettings SERVE = new ServerSettings("127.0.0.1", 0,
            DbSettings.fromEnvironment(Map.of()), null);

    @Test
    void onlyTheDemoServesUnlinkedWorkspacesFromTheDemoTenantAsItsAdvancedAdmin() {
        assertEquals(Optional.of(new DemoSeat(DemoData.TENANT_ID, DemoData.ADMIN_EMAIL)),
                SlackMount.demoAccess(SERVE.withDemo()));
        assertEquals(Optional.empty(), SlackMount.demoAccess(SERVE));
    }

    @Test
    void changingWhereTheServerListensKeepsDemoMode() {
        ServerSettings demo = SERVE.withDemo().withHost("127.0.0.1").withPort(0);

        assertEquals(true, demo.demo());
        assertFalse(ServerSettings.fromEnvironment(Map.of()).demo(), "serve is never the demo");
    }
}
