package dev.licensebot.core.usage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantDaysTest {

    private final TenantDays berlin = new TenantDays(ZoneId.of("Europe/Berlin"));

    @Test
    void aDayStartsAtLocalMidnight() {
        assertEquals(Instant.parse("2026-03-09T23:00:00Z"), berlin.startOf(LocalDate.parse("2026-03-10")));
        assertEquals(LocalDate.parse("2026-03-10"), berlin.dayOf(Instant.parse("2026-03-09T23:00:00Z")));
        assertEquals(LocalDate.parse("2026-03-09"), berlin.dayOf(Instant.parse("2026-03-09T22:59:59.999Z")));
    }

    @Test
    void springForwardMakesA23HourDayAndFallBackA25HourDay() {
        TenantDays.DaySpan spring = berlin.span(LocalDate.parse("2026-03-29"));
        TenantDays.DaySpan autumn = berlin.span(LocalDate.parse("2026-10-25"));

        assertEquals(Duration.ofHours(23), Duration.between(spring.start(), spring.end()));
        assertEquals(Duration.ofHours(25), Duration.between(autumn.start(), autumn.end()));
    }

    @Test
    void aDayWhoseMidnightIsSkippedStartsAtItsFirstLocalInstant() {
        // Chile springs forward at midnight: 2026-09-06 begins at 01:00 local (-03:00).
        TenantDays santiago = new TenantDays(ZoneId.of("America/Santiago"));

        assertEquals(Instant.parse("2026-09-06T04:00:00Z"), santiago.startOf(LocalDate.parse("2026-09-06")));
    }
}
