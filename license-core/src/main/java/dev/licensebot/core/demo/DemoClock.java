package dev.licensebot.core.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the demo's past is written on: set to each event's instant just before it happens, so
 * the core stamps users, purchases and live sessions as it would have stamped them then.
 */
final class DemoClock extends Clock {

    private Instant instant;

    DemoClock(Instant instant) {
        this.instant = instant;
    }

    void set(Instant at) {
        instant = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
