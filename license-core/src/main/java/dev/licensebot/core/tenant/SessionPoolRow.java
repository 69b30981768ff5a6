package dev.licensebot.core.tenant;

/**
 * The SESSION pool's row: {@code held} is the number of the tenant's sessions with no end recorded,
 * lapsed timeouts included until they are recorded. So "in use at now" is {@code held} minus the
 * lapsed ones ({@link PoolOccupancy}), and {@code held < total} alone proves a license is free.
 */
public record SessionPoolRow(int total, int held) {

    public boolean hasFree() {
        return held < total;
    }

    /** The same row after {@code closed} sessions ended. */
    public SessionPoolRow minus(int closed) {
        return new SessionPoolRow(total, held - closed);
    }
}
