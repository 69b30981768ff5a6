package dev.licensebot.core.history;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.users.PlatformUser;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The user, session and purchase histories: newest first, optionally since a day, paged. */
public final class Histories {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;

    public Histories(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
    }

    /** Users by the date of their last allocation or release ("Created on"), newest first. */
    public HistoryView<PlatformUser> users(Tenant tenant, Actor actor, HistoryQuery query) {
        return read(tenant, actor, query, (repo, since, page, now) -> new Page<>(
                repo.users(tenant.id(), since, page.size(), page.offset()), page.page(), page.size(),
                repo.countUsers(tenant.id(), since)));
    }

    /** All sessions, open and closed, newest start first; lapsed timeouts show as TIMEOUT closures. */
    public HistoryView<AgentSession> sessions(Tenant tenant, Actor actor, HistoryQuery query) {
        return read(tenant, actor, query, (repo, since, page, now) -> {
            List<AgentSession> rows = repo.sessions(tenant.id(), since, page.size(), page.offset());
            return new Page<>(withInteractions(repo, tenant.id(), rows).stream().map(s -> s.asOf(now)).toList(),
                    page.page(), page.size(), repo.countSessions(tenant.id(), since));
        });
    }

    /** Licenses added and removed, newest first. */
    public HistoryView<Replenishment> purchases(Tenant tenant, Actor actor, HistoryQuery query) {
        return read(tenant, actor, query, (repo, since, page, now) -> new Page<>(
                repo.purchases(tenant.id(), since, page.size(), page.offset()), page.page(), page.size(),
                repo.countPurchases(tenant.id(), since)));
    }

    private <T> HistoryView<T> read(Tenant tenant, Actor actor, HistoryQuery query, PageReader<T> reader) {
        operators.require(tenant, actor, Action.VIEW_HISTORY);
        Instant since = query.start(tenant.zone());
        Instant now = clock.instant();
        Page<T> page = repositories.with(HistoryRepository.class, repo -> reader.read(repo, since, query.page(), now));
        return new HistoryView<>(page, query.since(), tenant.zone(), now);
    }

    private static List<AgentSession> withInteractions(HistoryRepository repo, String tenantId,
                                                       List<AgentSession> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<OpenInteraction>> bySession = repo
                .interactionsOf(tenantId, rows.stream().map(AgentSession::id).toList()).stream()
                .collect(Collectors.groupingBy(HistoryRepository.InteractionRow::sessionId,
                        Collectors.mapping(HistoryRepository.InteractionRow::interaction, Collectors.toList())));
        return rows.stream().map(s -> s.withOpenInteractions(bySession.getOrDefault(s.id(), List.of()))).toList();
    }

    @FunctionalInterface
    private interface PageReader<T> {
        Page<T> read(HistoryRepository repo, Instant since, PageRequest page, Instant now);
    }
}
