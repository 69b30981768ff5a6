package dev.licensebot.core.sessions;

import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Active Agents list: open sessions, sorted and paged in SQL. */
public final class ActiveSessions {

    public static final SessionSort DEFAULT_SORT = SessionSort.START;
    public static final SortOrder DEFAULT_ORDER = SortOrder.ASC;
    /** What every surface says when the list is empty (DESIGN.md §5). */
    public static final String NONE_CONNECTED = "There are currently no Agents connected.";

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;

    public ActiveSessions(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
    }

    /** Open sessions of every tenant: for the operators' gauge, never shown to a tenant. */
    public int countAcrossTenants() {
        return repositories.with(SessionRepository.class, sessions -> sessions.countOpenAcrossTenants(clock.instant()));
    }

    public record Query(SessionSort sort, SortOrder order, PageRequest page) {
        public Query {
            sort = sort == null ? DEFAULT_SORT : sort;
            order = order == null ? DEFAULT_ORDER : order;
            page = page == null ? PageRequest.first() : page;
        }

        public static Query defaults() {
            return new Query(null, null, null);
        }
    }

    /** Everything a renderer needs: the rows, the sort in force, the page and the tenant's zone. */
    public record View(Page<AgentSession> sessions, SessionSort sort, SortOrder order, ZoneId zone, Instant asOf) {
        public boolean noneConnected() {
            return sessions.totalRows() == 0;
        }
    }

    public View list(Tenant tenant, Actor actor, Query query) {
        operators.require(tenant, actor, Action.VIEW_ACTIVE_SESSIONS);
        Instant now = clock.instant();
        // Through the once-attached repository: every chat list and REST page runs this, and
        // Handle.attach builds a handler for each method of an interface on every attach (issue 7, B3).
        // The total is the pool's counter, not a count of every open row: with thousands of agents
        // online that range scan was most of the list's cost (issue 7, B3), and the counter is the one
        // definition of "in use" the usage figures show too.
        Page<AgentSession> page = jdbi.withHandle(h -> repositories.of(OpenPage.class)
                .page(tenant.id(), now, query.sort(), query.order(), query.page()));
        return new View(page, query.sort(), query.order(), tenant.zone(), now);
    }

    /** One query for the whole page's interactions. */
    static List<AgentSession> withInteractions(SessionRepository sessions, String tenantId, List<AgentSession> rows) {
        return rows.isEmpty() ? rows : withInteractions(rows, sessions.interactionsOf(tenantId, ids(rows)));
    }

    private static List<AgentSession> withInteractions(List<AgentSession> rows,
                                                       List<SessionRepository.SessionInteractionRow> interactions) {
        Map<String, List<OpenInteraction>> bySession = interactions.stream()
                .collect(Collectors.groupingBy(SessionRepository.SessionInteractionRow::sessionId,
                        Collectors.mapping(SessionRepository.SessionInteractionRow::interaction, Collectors.toList())));
        return rows.stream().map(s -> s.withOpenInteractions(bySession.getOrDefault(s.id(), List.of()))).toList();
    }

    private static List<String> ids(List<AgentSession> rows) {
        return rows.stream().map(AgentSession::id).toList();
    }
}
