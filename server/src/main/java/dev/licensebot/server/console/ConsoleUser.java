package dev.licensebot.server.console;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Tenant;

/**
 * Who sits at the console: a real operator of the tenant, resolved by email with the CLI as
 * surface, so the core checks their role and the audit log names them, as in chat.
 */
public record ConsoleUser(LicenseCore core, Tenant tenant, Actor actor) {
}
