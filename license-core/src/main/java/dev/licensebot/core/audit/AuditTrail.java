package dev.licensebot.core.audit;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;

/**
 * Reading the audit log: one tenant's entries, newest first, optionally since a day in the
 * tenant's time zone, paged like the histories. Entries stay instants; showing them in the
 * tenant's time is the renderer's part (the view carries the zone).
 */
public final class AuditTrail {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;

    public AuditTrail(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
    }

    /** Refused (and the refusal audited) below {@link Action#VIEW_AUDIT}'s role or for another tenant. */
    public HistoryView<AuditEntry> read(Tenant tenant, Actor actor, HistoryQuery query) {
        operators.require(tenant, actor, Action.VIEW_AUDIT);
        Instant since = query.start(tenant.zone());
        PageRequest page = query.page();
        Page<AuditEntry> rows = repositories.with(AuditRepository.class, repo -> new Page<>(
                repo.page(tenant.id(), since, page.size(), page.offset()), page.page(), page.size(),
                repo.count(tenant.id(), since)));
        return new HistoryView<>(rows, query.since(), tenant.zone(), clock.instant());
    }
}
