package dev.licensebot.core.sessions;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Operators;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.confirm.ConfirmedChange;
import dev.licensebot.core.confirm.ConfirmedChanges;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Terminate: ask (a confirmation showing exactly what will happen), then confirm or cancel. */
public final class Terminations {

    /** More than a page of the Active Agents list is likelier a slip than a plan. */
    public static final int MAX_SESSIONS = 100;

    /** Terminate selected pressed with no row ticked: said alike on every surface that has rows to tick. */
    public static final String NOTHING_SELECTED = "No agent is selected. Tick the agents whose sessions should end, "
            + "then press Terminate selected.";

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final Operators operators;
    private final Confirmations confirmations;
    private final ConfirmedChanges changes;
    private final LicenseMetrics metrics;

    public Terminations(Jdbi jdbi, Repositories repositories, Clock clock, Operators operators, Confirmations confirmations,
                        ConfirmedChanges changes, LicenseMetrics metrics) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.operators = operators;
        this.confirmations = confirmations;
        this.changes = changes;
        this.metrics = metrics;
    }

    public TerminationPlan request(Tenant tenant, Actor actor, List<String> sessionIds) {
        operators.require(tenant, actor, Action.TERMINATE);
        List<String> ids = distinct(sessionIds);
        Instant now = clock.instant();
        Map<String, AgentSession> found = load(tenant, ids, now);
        List<AgentSession> open = new ArrayList<>();
        List<AgentSession> closed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            Optional.ofNullable(found.get(id)).ifPresentOrElse(s -> (s.isOpen() ? open : closed).add(s),
                    () -> unknown.add(id));
        }
        Confirmation confirmation = open.isEmpty() ? null
                : confirmations.createTermination(actor, open.stream().map(AgentSession::id).toList());
        return new TerminationPlan(confirmation, open, closed, unknown, tenant.zone(), now);
    }

    /** Closes the confirmed sessions that are still open; the rest are reported as they are. */
    public TerminationResult confirm(Tenant tenant, Actor actor, String confirmationId) {
        return changes.confirm(tenant, actor, confirmationId, new ConfirmedChange<>(ConfirmAction.TERMINATE,
                this::terminate, TerminationResult::summary,
                result -> metrics.sessionsClosed(EndReason.TERMINATED, (int) result.terminatedCount())));
    }

    public void cancel(Tenant tenant, Actor actor, String confirmationId) {
        changes.cancel(tenant, actor, confirmationId, ConfirmAction.TERMINATE);
    }

    /** Runs with the redeem: a failure part-way leaves the confirmation usable. */
    private TerminationResult terminate(Tenant tenant, Actor actor, Confirmation confirmation) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<TerminationResult.Outcome> outcomes = new ArrayList<>();
        // The sessions in id order, so two terminations of overlapping sets lock them in one order;
        // then the pool's held drops by those closed (SessionClosing). Outcomes keep the asked order.
        SessionRepository reads = repositories.of(SessionRepository.class);
        Map<String, Boolean> closedNow = new HashMap<>();
        SessionClosing.close(repositories, tenant.id(), now, s -> {
            for (String id : confirmation.sessionIds().stream().sorted().toList()) {
                closedNow.put(id, s.close(tenant.id(), id, now, EndReason.TERMINATED, actor.name()) == 1);
            }
            return (int) closedNow.values().stream().filter(Boolean::booleanValue).count();
        });
        for (String id : confirmation.sessionIds()) {
            outcomes.add(outcome(reads.find(tenant.id(), id).map(found -> found.asOf(now)), id, closedNow.get(id)));
        }
        return new TerminationResult(outcomes, actor.name(), now);
    }

    private static TerminationResult.Outcome outcome(Optional<AgentSession> session, String id, boolean closedNow) {
        if (session.isEmpty()) {
            return new TerminationResult.Outcome(id, id, TerminationResult.Status.NOT_FOUND, null);
        }
        AgentSession s = session.get();
        return closedNow
                ? new TerminationResult.Outcome(id, s.displayName(), TerminationResult.Status.TERMINATED, null)
                : new TerminationResult.Outcome(id, s.displayName(), TerminationResult.Status.ALREADY_CLOSED,
                s.endReason());
    }

    /** With their open interactions, which the confirmation shows as what the termination cuts. */
    private Map<String, AgentSession> load(Tenant tenant, List<String> ids, Instant now) {
        return repositories.with(SessionRepository.class, sessions -> ActiveSessions.withInteractions(sessions,
                        tenant.id(), sessions.findAll(tenant.id(), ids))).stream()
                .map(s -> s.asOf(now))
                .collect(Collectors.toMap(AgentSession::id, Function.identity()));
    }

    private static List<String> distinct(List<String> sessionIds) {
        List<String> ids = sessionIds == null ? List.of() : sessionIds.stream()
                .filter(id -> id != null && !id.isBlank()).map(String::trim)
                .collect(Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new), List::copyOf));
        if (ids.isEmpty()) {
            throw Refusal.invalid("sessionIds", "Name at least one session to terminate, e.g. `terminate s-abc123`.");
        }
        if (ids.stream().anyMatch(id -> id.length() > 64)) {
            throw Refusal.invalid("sessionIds", "A session id is at most 64 characters.");
        }
        if (ids.size() > MAX_SESSIONS) {
            throw Refusal.invalid("sessionIds", "At most " + MAX_SESSIONS + " sessions at once.");
        }
        return ids;
    }
}
