package dev.licensebot.core.digest;

import dev.licensebot.core.tenant.DenialRepository.Denied;
import dev.licensebot.core.tenant.Pool;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SizingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.parse("2026-12-03");

    @Test
    void theBusiestHourIsAClockHourOfTheTenantsZoneAndTheLatestWinsATie() {
        List<Denied> denials = List.of(denied("2026-12-02T09:05:00Z"), denied("2026-12-02T09:55:00Z"),
                denied("2026-12-02T10:00:00Z"), denied("2026-12-03T14:10:00Z"), denied("2026-12-03T14:50:00Z"));

        assertEquals(Optional.of(new BusiestHour(Instant.parse("2026-12-03T14:00:00Z"), 2)),
                BusiestHour.of(denials, BERLIN),
                "09:05 and 09:55 UTC tie with 14:10 and 14:50; 10:00 is the next hour");
        assertEquals(Optional.empty(), BusiestHour.of(List.of(), BERLIN));
    }

    @Test
    void aZoneOffTheHourCutsItsHoursAtItsOwnFullHours() {
        // Kolkata is UTC+05:30: 04:40 and 05:20 UTC are 10:10 and 10:50 there, one hour, not two.
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");

        BusiestHour busiest = BusiestHour.of(List.of(denied("2026-12-02T04:40:00Z"), denied("2026-12-02T05:20:00Z")),
                kolkata).orElseThrow();

        assertEquals(new BusiestHour(Instant.parse("2026-12-02T04:30:00Z"), 2), busiest);
        assertEquals("2 denials this week: the busiest hour (2 Dec 10:00–11:00) needed 2 more.",
                Sizing.line("session", 25, 30, 25, DAY, 2, busiest, kolkata));
    }

    @Test
    void oneDenialAndOneLicenseNeverNeededAreSaidInTheSingular() {
        BusiestHour hour = new BusiestHour(Instant.parse("2026-12-02T09:00:00Z"), 1);

        assertEquals("1 denial this week: the busiest hour (2 Dec 10:00–11:00) needed 1 more.",
                Sizing.line("user", 40, 30, 40, DAY, 1, hour, BERLIN));
        assertEquals("At most 24 of 25 session licenses were in use on any day of the last 30: 1 was never needed.",
                Sizing.line("session", 25, 30, 24, DAY, 0, null, BERLIN));
    }

    @Test
    void aTenantOfOneDaySaysTodayAndAPoolWithoutLicensesSaysSo() {
        assertEquals("At most 3 of 10 user licenses were in use today: 7 were never needed.",
                Sizing.line("user", 10, 1, 3, DAY, 0, null, BERLIN));
        assertEquals("There are no session licenses, and nobody was refused one this week.",
                Sizing.line("session", 0, 30, 0, DAY, 0, null, BERLIN));
    }

    private static Denied denied(String at) {
        return new Denied(Pool.SESSION, Instant.parse(at));
    }
}
