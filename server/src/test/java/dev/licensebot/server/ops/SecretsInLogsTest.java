package dev.licensebot.server.ops;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.teams.TeamsSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings records end up in log lines; none of them may print a secret, however it was configured. */
class SecretsInLogsTest {

    private static final List<String> SECRETS = List.of("pw-in-url", "pw-in-param", "pw-field", "slack-signing",
            "xoxb-bot", "xapp-app", "chart-secret", "teams-password");

    @Test
    void noSettingsRecordPrintsASecret() {
        DbSettings db = new DbSettings("jdbc:mariadb://bot:pw-in-url@db:3306/lb?user=bot&password=pw-in-param",
                "bot", "pw-field");
        SlackSettings slack = new SlackSettings("slack-signing", "xoxb-bot", "xapp-app", null,
                "https://licensebot.example.com", "chart-secret");
        TeamsSettings teams = new TeamsSettings("app-id", "teams-password", "tenant-id",
                TeamsSettings.AppType.SINGLE_TENANT, null);
        ServerSettings server = new ServerSettings("0.0.0.0", 3978, db, null).withSlack(slack).withTeams(teams);

        for (Object settings : List.of(db, slack, teams, server)) {
            String printed = settings.toString();
            for (String secret : SECRETS) {
                assertFalse(printed.contains(secret), secret + " printed by " + printed);
            }
        }
        assertTrue(db.toString().contains("jdbc:mariadb://db:3306/lb"), "still says where: " + db);
        assertTrue(teams.toString().contains("app-id"), "the app id is no secret: " + teams);
    }
}
