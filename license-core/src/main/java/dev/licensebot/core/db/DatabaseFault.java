package dev.licensebot.core.db;

import org.jdbi.v3.core.Handle;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** What a failure says about the database: a conflict worth running again, a lost connection, or neither. */
enum DatabaseFault {

    /**
     * The database rolled the work back and asks for it again: a deadlock (SQLSTATE 40001, MariaDB
     * 1213, also how Galera reports a failed certification), a lock wait that timed out (MariaDB
     * 1205, H2 50200).
     */
    CONFLICT,
    /**
     * No connection, or it broke: SQLSTATE class 08, the drivers' connection exceptions (HikariCP's
     * wait for a connection among them), MariaDB's failover "transaction lost" (25S03), a Galera
     * node outside the primary component (1047), a server shutting down (1053) or killing the
     * connection (1927).
     */
    CONNECTION,
    /** Anything else: a bug or bad data, not the database's condition. */
    OTHER;

    private static final Set<Integer> CONFLICT_CODES = Set.of(1213, 1205, 50200);
    private static final Set<Integer> CONNECTION_CODES = Set.of(1047, 1053, 1927, 2006, 2013);

    /**
     * As {@link #of(Throwable)}, and a connection lost if the pool has closed the handle's
     * connection under it: HikariCP then answers every call "Connection is closed" with no SQLSTATE.
     */
    static DatabaseFault of(Throwable failure, Handle handle) {
        DatabaseFault fault = of(failure);
        if (fault != OTHER || failure instanceof DatabaseUnavailable) {
            return fault;
        }
        try {
            return handle.getConnection().isClosed() ? CONNECTION : OTHER;
        } catch (SQLException e) {
            return CONNECTION;
        }
    }

    static DatabaseFault of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailable) {
                return OTHER;
            }
            if (t instanceof SQLException sql) {
                DatabaseFault fault = ofSql(sql);
                if (fault != OTHER) {
                    return fault;
                }
            }
        }
        return OTHER;
    }

    private static DatabaseFault ofSql(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("40001") || CONFLICT_CODES.contains(e.getErrorCode())) {
            return CONFLICT;
        }
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08") || state.equals("25S03") || CONNECTION_CODES.contains(e.getErrorCode())) {
            return CONNECTION;
        }
        return OTHER;
    }
}
