package dev.licensebot.server.cli;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliAlertsTest {

    /** A server node's way to the chat platform, recording the digests it posts. */
    static final class DigestPoster implements AlertPoster {
        final List<Digest> digests = new CopyOnWriteArrayList<>();

        @Override
        public DeliveryOutcome post(AlertPlace place, IncidentNotice notice) {
            return new DeliveryOutcome.Delivered("m");
        }

        @Override
        public DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice) {
            return new DeliveryOutcome.Delivered(messageRef);
        }

        @Override
        public DeliveryOutcome postDigest(AlertPlace place, Digest digest) {
            digests.add(digest);
            return new DeliveryOutcome.Delivered(null);
        }

        @Override
        public Optional<String> cannotPost(AlertPlace place) {
            return Optional.empty();
        }
    }

    @OnBothDatabases
    void levelsSetAtTheCommandLineAreWhatAlertsShowAndAreAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 10);

        CliHarness.Result set = CliHarness.run(CliHarness.env(db.settings()), t.clock(),
                new CliHarness.StoppableLifetime(), db.settings(), "alerts", "levels", "--tenant", tenant.id(),
                "--pool", "session", "--levels", "85,95,100");
        CliHarness.Result shown = CliHarness.run(CliHarness.env(db.settings()), t.clock(),
                new CliHarness.StoppableLifetime(), db.settings(), "alerts", "show", "--tenant", tenant.id());

        assertEquals(0, set.exitCode(), set::toString);
        assertEquals("Alerts for session licenses now start at 85 / 95 / 100 %.", set.out().strip());
        assertTrue(shown.out().contains("session licenses at 85 / 95 / 100 %, user licenses at 80 / 90 / 100 %"),
                shown::toString);
        assertTrue(t.core().audit().recent(tenant.id(), 5).stream().map(AuditEntry::action)
                .anyMatch("ALERT_LEVELS"::equals));
    }

    @OnBothDatabases
    void levelsThatMakeNoSenseAreRefusedAndChangeNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 10);

        CliHarness.Result result = CliHarness.run(CliHarness.env(db.settings()), t.clock(),
                new CliHarness.StoppableLifetime(), db.settings(), "alerts", "levels", "--tenant", tenant.id(),
                "--pool", "user", "--levels", "95,90");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("ascending percentages from 1 to 100"), result::toString);
        assertTrue(t.core().audit().recent(tenant.id(), 5).stream().map(AuditEntry::action)
                .noneMatch("ALERT_LEVELS"::equals));
    }

    @OnBothDatabases
    void digestSendIsSentByARunningNodeAndSaysSo(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 10);
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        LicenseCore node = new LicenseCore(db.jdbi(), t.clock());
        DigestPoster poster = new DigestPoster();
        node.alerting().deliveries().register(Surface.SLACK, poster);
        node.alerts().answer(tenant, admin, new AlertPlace(Surface.SLACK, "T1", "C-" + tenant.id(), "#ops"),
                new AlertsChange.On());

        CompletableFuture<CliHarness.Result> sending = CompletableFuture.supplyAsync(() -> CliHarness.run(
                CliHarness.env(db.settings()), t.clock(), new CliHarness.StoppableLifetime(), db.settings(),
                "digest", "send", "--tenant", tenant.id(), "--wait", "30s"));
        while (!sending.isDone()) {
            node.alerting().round();
        }

        CliHarness.Result result = sending.join();
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("Sent the weekly digest to 1 place.", result.out().strip());
        assertEquals(1, poster.digests.size());
    }

    @OnBothDatabases
    void digestSendWithoutAnyPlaceSaysHowToTurnAlertsOn(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 10);

        CliHarness.Result result = CliHarness.run(CliHarness.env(db.settings()), t.clock(),
                new CliHarness.StoppableLifetime(), db.settings(), "digest", "send", "--tenant", tenant.id());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("type \"alerts on\""), result::toString);
    }
}
