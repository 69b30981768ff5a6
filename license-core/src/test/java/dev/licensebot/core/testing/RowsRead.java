package dev.licensebot.core.testing;

import org.jdbi.v3.core.Handle;

/**
 * MariaDB's count of the rows its storage engine handed over (the {@code Handler_read%} session
 * counters): how the plan tests tell a bounded range from a scan, whatever the machine's speed.
 */
public final class RowsRead {

    private RowsRead() {
    }

    /** Rows read through indexes and scans by this connection so far. */
    public static long soFar(Handle h) {
        return h.createQuery("SHOW SESSION STATUS LIKE 'Handler_read%'")
                .map((rs, ctx) -> rs.getLong(2)).list().stream().mapToLong(Long::longValue).sum();
    }
}
