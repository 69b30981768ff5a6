package dev.licensebot.slack.oauth;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JdbcInstallationServiceTest {

    static SecretBox newBox() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return SecretBox.ofBase64Key(Base64.getEncoder().encodeToString(key));
    }

    /** A workspace of the test's own, so tests on one database never share one. */
    static String newTeam() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static DefaultInstaller installer(String enterpriseId, String teamId, boolean orgWide, String botToken) {
        DefaultInstaller installer = new DefaultInstaller();
        installer.setAppId("A1");
        installer.setEnterpriseId(enterpriseId);
        installer.setTeamId(orgWide ? null : teamId);
        installer.setIsEnterpriseInstall(orgWide);
        installer.setInstallerUserId("U-installer");
        installer.setInstallerUserAccessToken("xoxp-user-" + botToken);
        installer.setInstallerUserRefreshToken("xoxe-user-refresh-" + botToken);
        installer.setBotId("B1");
        installer.setBotUserId("U-bot");
        installer.setBotScope("commands,chat:write");
        installer.setBotAccessToken(botToken);
        installer.setBotRefreshToken("xoxe-1-refresh-" + botToken);
        installer.setBotTokenExpiresAt(1_900_000_000_000L);
        installer.setInstalledAt(1_700_000_000_000L);
        return installer;
    }

    @OnBothDatabases
    void anInstallationComesBackWholeForItsWorkspaceAndNoOther(TestDatabase db) {
        JdbcInstallationService store = new JdbcInstallationService(db.jdbi(), newBox(), Clock.systemUTC());
        String team = newTeam();
        String token = "xoxb-" + team + "-secret";

        store.saveInstallerAndBot(installer(null, team, false, token));

        Bot bot = store.findBot(null, team);
        assertEquals(token, bot.getBotAccessToken());
        assertEquals("xoxe-1-refresh-" + token, bot.getBotRefreshToken());
        assertEquals(1_900_000_000_000L, bot.getBotTokenExpiresAt());
        assertEquals(team, bot.getTeamId());
        assertEquals("xoxp-user-" + token, store.findInstaller(null, team, "U-installer").getInstallerUserAccessToken());
        assertEquals("U-installer", store.findInstaller(null, team, null).getInstallerUserId());
        assertNull(store.findBot(null, newTeam()));
        assertNull(store.findBot("E-other", team));
    }

    @OnBothDatabases
    void noTokenIsStoredInPlainTextInAnyColumn(TestDatabase db) {
        JdbcInstallationService store = new JdbcInstallationService(db.jdbi(), newBox(), Clock.systemUTC());
        String team = newTeam();
        String token = "xoxb-" + team + "-plain";
        store.saveInstallerAndBot(installer(null, team, false, token));

        for (String table : List.of("slack_bot", "slack_installer")) {
            List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT * FROM " + table + " WHERE team_key = :team").bind("team", team).mapToMap().list());
            assertFalse(rows.isEmpty(), table);
            for (Map<String, Object> row : rows) {
                for (Object value : row.values()) {
                    assertFalse(String.valueOf(value).contains(token), table + " holds the token in plain text");
                    assertFalse(String.valueOf(value).contains("refresh"), table + " holds a refresh token");
                }
            }
        }
    }

    @OnBothDatabases
    void aRowMovedToAnotherWorkspaceOrReadWithAnotherKeyDoesNotOpen(TestDatabase db) {
        JdbcInstallationService store = new JdbcInstallationService(db.jdbi(), newBox(), Clock.systemUTC());
        String team = newTeam();
        String other = newTeam();
        store.saveInstallerAndBot(installer(null, team, false, "xoxb-" + team));
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO slack_bot (enterprise_key, team_key, is_enterprise_install, "
                + "installed_at, sealed) SELECT enterprise_key, :other, is_enterprise_install, installed_at, sealed "
                + "FROM slack_bot WHERE team_key = :team").bind("other", other).bind("team", team).execute());

        assertThrows(SecretBox.WrongKey.class, () -> store.findBot(null, other));
        assertThrows(SecretBox.WrongKey.class,
                () -> new JdbcInstallationService(db.jdbi(), newBox(), Clock.systemUTC()).findBot(null, team));
    }

    @OnBothDatabases
    void anOrgWideInstallServesEveryWorkspaceOfItsOrganizationOnly(TestDatabase db) {
        JdbcInstallationService store = new JdbcInstallationService(db.jdbi(), newBox(), Clock.systemUTC());
        String enterprise = "E" + newTeam();
        store.saveInstallerAndBot(installer(enterprise, null, true, "xoxb-org-" + enterprise));

        assertEquals("xoxb-org-" + enterprise, store.findBot(enterprise, newTeam()).getBotAccessToken());
        assertEquals("xoxb-org-" + enterprise, store.findBot(enterprise, null).getBotAccessToken());
        assertNull(store.findBot(null, newTeam()));
    }

    @OnBothDatabases
    void aRotatedBotReplacesTheStoredOneForEveryNode(TestDatabase db) {
        SecretBox box = newBox();
        JdbcInstallationService node1 = new JdbcInstallationService(db.jdbi(), box, Clock.systemUTC());
        JdbcInstallationService node2 = new JdbcInstallationService(db.jdbi(), box, Clock.systemUTC());
        String team = newTeam();
        node1.saveInstallerAndBot(installer(null, team, false, "xoxe.xoxb-old-" + team));

        Bot rotated = node1.findBot(null, team);
        rotated.setBotAccessToken("xoxe.xoxb-new-" + team);
        rotated.setBotRefreshToken("xoxe-1-new-refresh");
        node1.saveBot(rotated);

        assertEquals("xoxe.xoxb-new-" + team, node2.findBot(null, team).getBotAccessToken());
        assertEquals("xoxe-1-new-refresh", node2.findBot(null, team).getBotRefreshToken());
    }

    @OnBothDatabases
    void deleteAllLeavesNothingOfTheWorkspace(TestDatabase db) {
        JdbcInstallationService store = new JdbcInstallationService(db.jdbi(), newBox(), Clock.systemUTC());
        String team = newTeam();
        String kept = newTeam();
        store.saveInstallerAndBot(installer(null, team, false, "xoxb-" + team));
        store.saveInstallerAndBot(installer(null, kept, false, "xoxb-" + kept));

        store.deleteAll(null, team);

        assertNull(store.findBot(null, team));
        assertNull(store.findInstaller(null, team, null));
        assertNull(store.findInstaller(null, team, "U-installer"));
        int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM slack_bot WHERE team_key = :t) "
                + "+ (SELECT COUNT(*) FROM slack_installer WHERE team_key = :t)").bind("t", team).mapTo(Integer.class).one());
        assertEquals(0, rows);
        assertEquals("xoxb-" + kept, store.findBot(null, kept).getBotAccessToken());
    }
}
