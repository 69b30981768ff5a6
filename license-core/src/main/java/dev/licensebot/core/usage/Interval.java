package dev.licensebot.core.usage;

import java.time.Instant;

/**
 * A license held over the half-open span [start, end): a session up to its effective end, or a
 * user license period. A null end means still held, with no end in sight.
 */
record Interval(Instant start, Instant end) {
}
