package dev.licensebot.core.sessions;

import dev.licensebot.core.db.UtcInstantPlugin;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * {@link SessionWrites#TOUCH_UNCHANGED} for a batch of heartbeats, as one JDBC batch bound by hand.
 * Jdbi's PreparedBatch looked up and wrapped a binder for every argument of every row, which cost the
 * server more CPU than the driver's own work on the batch (issue 7, B2). The SQL stays the named one
 * beside its repository; Jdbi's own parser turns it into placeholders once. Values are bound as Jdbi
 * binds them (instants through {@link UtcInstantPlugin#bind}; nulls typed).
 */
final class UnchangedTouches {

    private static final ParsedSql SQL = new ColonPrefixSqlParser().parse(SessionWrites.TOUCH_UNCHANGED, null);

    private UnchangedTouches() {
    }

    /** Each touch's update count, in the order given; the caller holds the transaction. */
    static int[] execute(Connection connection, List<Heartbeat.Touch> touches) throws SQLException {
        List<String> names = SQL.getParameters().getParameterNames();
        try (PreparedStatement statement = connection.prepareStatement(SQL.getSql())) {
            for (Heartbeat.Touch touch : touches) {
                for (int i = 0; i < names.size(); i++) {
                    bind(statement, i + 1, names.get(i), touch);
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int position, String name, Heartbeat.Touch t)
            throws SQLException {
        switch (name) {
            case "tenantId" -> statement.setString(position, t.tenantId());
            case "id" -> statement.setString(position, t.sessionId());
            case "now" -> UtcInstantPlugin.bind(statement, position, t.now());
            case "expiresAt" -> UtcInstantPlugin.bind(statement, position, t.expiresAt());
            case "openInteractions" -> statement.setInt(position, t.count());
            case "conversations" -> setInteger(statement, position, t.conversations());
            case "hash" -> statement.setString(position, t.hash());
            case "startedAt" -> UtcInstantPlugin.bind(statement, position, t.startedAt());
            default -> throw new IllegalStateException("TOUCH_UNCHANGED has a parameter :" + name
                    + " that a heartbeat does not bind");
        }
    }

    private static void setInteger(PreparedStatement statement, int position, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.INTEGER);
        } else {
            statement.setInt(position, value);
        }
    }
}
