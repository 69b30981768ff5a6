package dev.licensebot.core.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.spi.JdbiPlugin;

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
            return (position, statement, ctx) ->
                    statement.setObject(position, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
