package dev.licensebot.core.alerts;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestSendingTest {

    record Setup(TestCore t, Tenant tenant, Actor admin, AlertPlace place, RecordingPoster poster) {
    }

    /** Subscribed on Tuesday 10 March 2026, 09:00 in Berlin. */
    static Setup subscribed(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 10, 10, Duration.ofHours(8));
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        AlertPlace place = new AlertPlace(Surface.SLACK, "T1", "C-" + tenant.id(), "#ops");
        RecordingPoster poster = new RecordingPoster(place);
        t.core().alerting().deliveries().register(Surface.SLACK, poster);
        t.core().alerts().answer(tenant, admin, place, new AlertsChange.On());
        return new Setup(t, tenant, admin, place, poster);
    }

    @OnBothDatabases
    void theDigestComesOnMondayAtNineInTheTenantsTimeOnceAWeek(TestDatabase db) {
        Setup s = subscribed(db);
        s.t().core().alerting().round();
        assertEquals(0, s.poster().digests.size(), "last Monday's digest was before alerts were on");

        s.t().clock().set(Instant.parse("2026-03-16T07:59:00Z"));
        s.t().core().alerting().round();
        assertEquals(0, s.poster().digests.size(), "08:59 in Berlin");
        s.t().clock().set(Instant.parse("2026-03-16T08:00:00Z"));
        s.t().core().alerting().round();
        s.t().core().alerting().round();
        assertEquals(1, s.poster().digests.size());
        Digest digest = s.poster().digests.get(0);
        assertEquals(s.tenant().id(), digest.tenantId());
        assertEquals(java.time.LocalDate.of(2026, 3, 16), digest.today(), "the week up to the Monday it was sent");
        assertEquals(Instant.parse("2026-03-16T08:00:00Z"), digest.asOf());

        s.t().clock().set(Instant.parse("2026-03-23T08:30:00Z"));
        s.t().core().alerting().round();
        assertEquals(2, s.poster().digests.size(), "the next Monday");
    }

    @OnBothDatabases
    void twoNodesSendEachDigestOnce(TestDatabase db) {
        Setup s = subscribed(db);
        LicenseCore other = new LicenseCore(db.jdbi(), s.t().clock());
        RecordingPoster otherPoster = new RecordingPoster(s.place());
        other.alerting().deliveries().register(Surface.SLACK, otherPoster);
        s.t().clock().set(Instant.parse("2026-03-16T08:05:00Z"));

        other.alerting().round();
        s.t().core().alerting().round();

        assertEquals(1, s.poster().digests.size() + otherPoster.digests.size());
    }

    @OnBothDatabases
    void aDigestAskedForNowIsSentByTheNextRoundOnTheChosenDayOtherwise(TestDatabase db) {
        Setup s = subscribed(db);
        s.t().core().alerts().answer(s.tenant(), s.admin(), s.place(),
                new AlertsChange.DigestAt(DayOfWeek.FRIDAY, LocalTime.of(16, 30)));

        assertEquals(1, s.t().core().alerting().digests().ask(s.tenant()));
        assertEquals(1, s.t().core().alerting().digests().waiting(s.tenant()));
        s.t().core().alerting().round();
        assertEquals(1, s.poster().digests.size());
        assertEquals(0, s.t().core().alerting().digests().waiting(s.tenant()));

        s.t().clock().set(Instant.parse("2026-03-13T15:29:00Z"));
        s.t().core().alerting().round();
        assertEquals(1, s.poster().digests.size(), "Friday 16:29 in Berlin");
        s.t().clock().set(Instant.parse("2026-03-13T15:30:00Z"));
        s.t().core().alerting().round();
        assertEquals(2, s.poster().digests.size(), "Friday 16:30 in Berlin");
        s.t().clock().set(Instant.parse("2026-03-16T08:00:00Z"));
        s.t().core().alerting().round();
        assertEquals(2, s.poster().digests.size(), "not on Monday any more");
    }
}
