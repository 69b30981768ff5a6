package dev.licensebot.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bulk data for the benchmarks, written straight into the product's tables with batched
 * multi-row INSERTs (bound parameters, 1,000 rows a statement): going through the use cases would
 * take hours for 3 M rows and measure the loader, not the product.
 */
public final class SessionLoader {

    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final String SESSION_INSERT = "INSERT INTO agent_session (tenant_id, id, started_at, started_by, "
            + "username, agent_name, channel, conversations, open_interactions, last_activity_at, expires_at, "
            + "ended_at, end_reason) VALUES ";
    private static final String SESSION_ROW = "(?, ?, ?, 'AGENT', ?, ?, 'Web widget', ?, ?, ?, ?, ?, ?)";
    private static final String INTERACTION_INSERT =
            "INSERT INTO session_interaction (tenant_id, session_id, name, instances) VALUES ";

    private final DataSource dataSource;
    private final SplittableRandom random = new SplittableRandom(7);

    public SessionLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A session as a row: closed when {@code endedAt} is not null. */
    private record Row(String id, Instant startedAt, Instant lastActivity, Instant expiresAt, Instant endedAt,
                       int interactions) {
    }

    /**
     * {@code count} open sessions started during the last hours, each with one open "Chat"
     * interaction, expiring a day from {@code now}; ids {@code prefix-0 …}. The tenant's SESSION
     * pool counts them in {@code held}, as the product's allocation would.
     */
    public void open(String tenantId, String prefix, int count, Instant now) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant started = now.minusSeconds(60 + random.nextInt(8 * 3600));
            rows.add(new Row(prefix + "-" + i, started, started, now.plus(Duration.ofDays(1)), null, 1));
        }
        insert(tenantId, rows);
        insertChats(tenantId, rows);
        execute("UPDATE license_pool SET held = held + ? WHERE tenant_id = ? AND pool = 'SESSION'", statement -> {
            statement.setInt(1, count);
            statement.setString(2, tenantId);
        });
    }

    /**
     * {@code perDay} closed sessions on each day from {@code fromDaysAgo} (0: today) up to but not
     * including {@code toDaysAgo}, days cut in {@code zone} (today only up to {@code now}, at the
     * same rate), each lasting 5 minutes to 4 hours. Returns how many rows it wrote.
     */
    public long history(String tenantId, ZoneId zone, int fromDaysAgo, int toDaysAgo, int perDay, Instant now,
                        String prefix) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        long written = 0;
        for (int d = fromDaysAgo; d < toDaysAgo; d++) {
            LocalDate day = today.minusDays(d);
            Instant from = day.atStartOfDay(zone).toInstant();
            long span = Math.min(Duration.ofDays(1).toSeconds(), Duration.between(from, now).toSeconds());
            int count = (int) (perDay * span / 86_400);
            List<Row> rows = new ArrayList<>(ROWS_PER_STATEMENT);
            for (int i = 0; i < count; i++) {
                Instant started = from.plusSeconds(random.nextLong(Math.max(1, span)));
                Instant ended = started.plusSeconds(300 + random.nextInt(4 * 3600 - 300));
                if (ended.isAfter(now)) {
                    ended = now.minusMillis(1);
                    started = started.isBefore(ended) ? started : ended.minusSeconds(1);
                }
                rows.add(new Row(prefix + "-" + day + "-" + i, started, ended, ended, ended, 0));
                if (rows.size() == ROWS_PER_STATEMENT) {
                    insert(tenantId, rows);
                    written += rows.size();
                    rows.clear();
                }
            }
            insert(tenantId, rows);
            written += rows.size();
        }
        return written;
    }

    private void insert(String tenantId, List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String sql = SESSION_INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), SESSION_ROW));
            execute(sql, statement -> {
                int p = 1;
                for (Row row : chunk) {
                    statement.setString(p++, tenantId);
                    statement.setString(p++, row.id());
                    statement.setObject(p++, utc(row.startedAt()));
                    statement.setString(p++, "agent" + (row.id().hashCode() & 0x3ff));
                    statement.setString(p++, "Agent " + (row.id().hashCode() & 0x3ff));
                    statement.setInt(p++, 1 + (row.id().hashCode() & 7));
                    statement.setInt(p++, row.interactions());
                    statement.setObject(p++, utc(row.lastActivity()));
                    statement.setObject(p++, utc(row.expiresAt()));
                    statement.setObject(p++, row.endedAt() == null ? null : utc(row.endedAt()));
                    statement.setString(p++, row.endedAt() == null ? null : "LOGOUT");
                }
            });
        }
    }

    private void insertChats(String tenantId, List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String sql = INTERACTION_INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(),
                    "(?, ?, 'Chat', 1)"));
            execute(sql, statement -> {
                int p = 1;
                for (Row row : chunk) {
                    statement.setString(p++, tenantId);
                    statement.setString(p++, row.id());
                }
            });
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Loading failed: " + e.getMessage(), e);
        }
    }

    /** DATETIME holds UTC in this schema (see V1__schema.sql). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
