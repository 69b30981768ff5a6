package dev.licensebot.server.cli;

import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** `alerts` at the console: the same view as in chat; turning alerts on needs a chat place. */
class ConsoleAlertsTest {

    @OnBothDatabases
    void anAccountAdminSeesTheLiveAlertAndTheLevels(TestDatabase db) {
        ConsoleFixture f = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        for (int i = 0; i < 17; i++) {
            f.open("s-" + i, "agent" + i);
        }
        f.t.core().alerting().evaluate(f.tenant.id());

        String shown = ConsoleFixture.answers(f.typing("alerts\n")).get(1);

        assertTrue(shown.contains("No place receives alerts yet"), shown);
        assertTrue(shown.contains("Watched: session licenses at 80 / 90 / 100 %"), shown);
        assertTrue(shown.contains("Live: Session licenses at 80 %: 17 of 20 in use · Peak 17 of 20 · since 09:00 CET"),
                shown);
    }

    @OnBothDatabases
    void alertsOnAtTheConsoleSaysWhereToTypeItAndASupervisorIsRefused(TestDatabase db) {
        ConsoleFixture admin = ConsoleFixture.as(db, Role.ACCOUNT_ADMIN);
        ConsoleFixture supervisor = ConsoleFixture.as(db, Role.SUPERVISOR);

        List<String> answers = ConsoleFixture.answers(admin.typing("alerts on\n"));
        List<String> refused = ConsoleFixture.answers(supervisor.typing("alerts\n"));

        assertTrue(answers.get(1).contains("Type \"alerts on\" in the Slack channel or Teams chat"), answers.get(1));
        assertTrue(refused.get(1).startsWith("Only an account admin or higher can manage alerts"), refused.get(1));
    }
}
