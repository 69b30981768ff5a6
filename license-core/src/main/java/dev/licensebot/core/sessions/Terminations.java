package dev.licensebot.core.sessions;

import dev.licensebot.core.access.Operators;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.confirm.Confirmations;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

public final class Terminations {
    public Terminations(Jdbi jdbi, Clock clock, Operators operators, Confirmations confirmations, AuditLog audit) {
    }
}
