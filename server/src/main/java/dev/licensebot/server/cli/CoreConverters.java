package dev.licensebot.server.cli;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import picocli.CommandLine;

/**
 * Options parsed by the core's own rules, so the CLI accepts exactly what Slack and Teams accept,
 * with the core's wording in the error.
 */
final class CoreConverters {

    private CoreConverters() {
    }

    static final class PoolConverter implements CommandLine.ITypeConverter<Pool> {
        @Override
        public Pool convert(String value) {
            try {
                return Pool.parse(value);
            } catch (Refusal refusal) {
                throw new CommandLine.TypeConversionException(refusal.userMessage());
            }
        }
    }

    static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (Refusal refusal) {
                throw new CommandLine.TypeConversionException(refusal.userMessage());
            }
        }
    }
}
