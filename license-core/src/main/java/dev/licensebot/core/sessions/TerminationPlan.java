package dev.licensebot.core.sessions;

import dev.licensebot.core.confirm.Confirmation;
import dev.licensebot.core.time.TenantTime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a terminate request would do, for the confirmation message: the open sessions it would
 * close, those already closed, and ids nobody knows. No confirmation when nothing is left to do.
 */
public record TerminationPlan(
        Confirmation confirmation,
        List<AgentSession> toTerminate,
        List<AgentSession> alreadyClosed,
        List<String> unknownIds,
        ZoneId zone,
        Instant asOf) {

    public TerminationPlan {
        toTerminate = List.copyOf(toTerminate);
        alreadyClosed = List.copyOf(alreadyClosed);
        unknownIds = List.copyOf(unknownIds);
    }

    public boolean needsConfirmation() {
        return confirmation != null;
    }

    /** "Terminate 3 sessions: ann (since 09:12), Guest (since 09:40), bob (since 9 Mar 22:10)". */
    public String summary() {
        if (toTerminate.isEmpty()) {
            return "There is nothing to terminate." + notes();
        }
        String sessions = toTerminate.stream()
                .map(s -> s.displayName() + " (since " + TenantTime.since(s.startedAt(), asOf, zone) + ")")
                .collect(Collectors.joining(", "));
        int n = toTerminate.size();
        return "Terminate " + n + (n == 1 ? " session: " : " sessions: ") + sessions + "." + notes();
    }

    private String notes() {
        StringBuilder notes = new StringBuilder();
        for (AgentSession closed : alreadyClosed) {
            notes.append(" ").append(closed.id()).append(" (").append(closed.displayName())
                    .append(") is already closed (").append(closed.endReason().label()).append(").");
        }
        if (!unknownIds.isEmpty()) {
            notes.append(" No session ").append(String.join(", ", unknownIds)).append(".");
        }
        return notes.toString();
    }
}
