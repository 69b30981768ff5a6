package dev.licensebot.core.sessions;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What a confirmed termination did, session by session, and who did it. */
public record TerminationResult(List<Outcome> outcomes, String terminatedBy, Instant at) {

    public enum Status { TERMINATED, ALREADY_CLOSED, NOT_FOUND }

    /** One session's fate; {@code closedBefore} says how it had ended when it was already closed. */
    public record Outcome(String sessionId, String displayName, Status status, EndReason closedBefore) {
    }

    public TerminationResult {
        outcomes = List.copyOf(outcomes);
    }

    public long terminatedCount() {
        return outcomes.stream().filter(o -> o.status() == Status.TERMINATED).count();
    }

    /** "Terminated 2 sessions (ann, Guest); 1 was already closed (bob, logged out). By x@y." */
    public String summary() {
        List<Outcome> done = with(Status.TERMINATED);
        List<Outcome> closed = with(Status.ALREADY_CLOSED);
        StringBuilder text = new StringBuilder("Terminated ").append(done.size())
                .append(done.size() == 1 ? " session" : " sessions");
        if (!done.isEmpty()) {
            text.append(" (").append(done.stream().map(Outcome::displayName).collect(Collectors.joining(", ")))
                    .append(")");
        }
        if (!closed.isEmpty()) {
            text.append("; ").append(closed.size()).append(closed.size() == 1 ? " was" : " were")
                    .append(" already closed (").append(closed.stream()
                            .map(o -> o.displayName() + ", " + o.closedBefore().label())
                            .collect(Collectors.joining("; "))).append(")");
        }
        List<Outcome> missing = with(Status.NOT_FOUND);
        if (!missing.isEmpty()) {
            text.append("; ").append(missing.size()).append(" no longer exist");
        }
        return text.append(". By ").append(terminatedBy).append(".").toString();
    }

    private List<Outcome> with(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }
}
