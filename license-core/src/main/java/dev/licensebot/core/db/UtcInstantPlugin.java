package dev.licensebot.core.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.spi.JdbiPlugin;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants go into DATETIME columns as UTC wall-clock time and come back the same way, so neither
 * the JVM's nor the database session's time zone can shift them.
 */
public final class UtcInstantPlugin extends JdbiPlugin.Singleton {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, utcInstantMapper());
    }

    @Override
    public Handle customizeHandle(Handle handle) {
        return handle;
    }

    /**
     * Binds an instant as this plugin stores it, null as a typed null: for the one statement bound
     * by hand on JDBC (the heartbeats' batch), so it cannot store instants differently.
     */
    public static void bind(PreparedStatement statement, int position, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.TIMESTAMP);
        } else {
            statement.setObject(position, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static ColumnMapper<Instant> utcInstantMapper() {
        return (rs, column, ctx) -> {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        };
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> bind(statement, position, value);
        }
    }
}
