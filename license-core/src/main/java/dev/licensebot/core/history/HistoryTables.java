package dev.licensebot.core.history;

import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.history.Table.Cell;
import dev.licensebot.core.history.Table.Column;
import dev.licensebot.core.history.Table.Shape;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.users.PlatformUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of each history (DESIGN.md §3) and of the audit log, decided once: Slack, Teams and
 * the console draw the same table.
 */
public final class HistoryTables {

    private final ConversationLinks links;

    public HistoryTables(ConversationLinks links) {
        this.links = links;
    }

    public Table users(HistoryView<PlatformUser> view) {
        return new Layout<PlatformUser>("User history", "users", 1)
                .narrow("User id", u -> text(u.userId()))
                .narrow("Username", u -> text(u.username()))
                .narrow("Email", u -> text(u.email()))
                .wide("First name", u -> text(u.firstName()))
                .wide("Last name", u -> text(u.lastName()))
                .narrow("Role", u -> text(u.role()))
                .narrow("Status", u -> text(u.holdsLicense() ? "Active" : "Inactive"))
                .narrow("Created on", u -> time(u.statusChangedAt()))
                .column("Conversations", Shape.NUMBER, true,
                        u -> new Cell.Count(u.conversations(), links.forUser(u.userId())))
                .table(view);
    }

    public Table sessions(HistoryView<AgentSession> view) {
        return new Layout<AgentSession>("Session history", "sessions", 1)
                .narrow("Session", s -> text(s.id()))
                .narrow("Agent", s -> text(s.displayName()))
                .narrow("Started", s -> time(s.startedAt()))
                .wide("Started by", s -> text(s.startedBy() == null ? null : s.startedBy().name()))
                .wide("Email", s -> text(s.email()))
                .wide("Role", s -> text(s.role()))
                .wide("Agent name", s -> text(s.agentName()))
                .wide("Channel", s -> text(s.channel()))
                .column("Conversations", Shape.NUMBER, true,
                        s -> new Cell.Count(s.conversations(), links.forSession(s.id())))
                .column("Open interactions", Shape.WRAPPED, false, s -> text(interactions(s)))
                .wide("Last activity", s -> time(s.lastActivityAt()))
                .narrow("Ended", s -> s.isOpen() ? text("still open") : time(s.endedAt()))
                .narrow("End reason", s -> text(s.endReason() == null ? null : s.endReason().label()))
                .wide("Terminated by", s -> text(s.terminatedBy()))
                .table(view);
    }

    public Table purchases(HistoryView<Replenishment> view) {
        return new Layout<Replenishment>("Purchase history", "purchases", 1)
                .narrow("Date", r -> time(r.occurredAt()))
                .narrow("Licenses", r -> text(r.pool().label()))
                .column("Change", Shape.NUMBER, true, r -> text(String.format("%+d", r.delta())))
                .column("Total after", Shape.NUMBER, true, r -> text(String.valueOf(r.totalAfter())))
                .narrow("By", r -> text(r.actor()))
                .column("Reason", Shape.WRAPPED, true, r -> text(r.reason()))
                .table(view);
    }

    public Table audit(HistoryView<AuditEntry> view) {
        return new Layout<AuditEntry>("Audit log", "entries", 2)
                .narrow("When", e -> time(e.occurredAt()))
                .narrow("Who", e -> text(e.actor()))
                .narrow("Action", e -> text(e.action()))
                .narrow("Surface", e -> text(e.surface() == null ? null : e.surface().name().toLowerCase()))
                .column("What", Shape.WRAPPED, true, e -> text(e.detail()))
                .column("Outcome", Shape.WRAPPED, true, e -> text(e.outcome()))
                .table(view);
    }

    /** "2: Billing question, Refund" or "0"; names are left raw for each surface to escape. */
    public static String interactions(AgentSession s) {
        if (s.openInteractions().isEmpty()) {
            return String.valueOf(s.openInteractionCount());
        }
        return s.openInteractionCount() + ": " + String.join(", ", s.openInteractions().stream()
                .map(OpenInteraction::label).toList());
    }

    private static Cell text(String value) {
        return new Cell.Text(value == null ? "" : value);
    }

    private static Cell time(Instant at) {
        return at == null ? new Cell.Text("") : new Cell.Time(at);
    }

    /** Columns and how a row fills them, collected in order. */
    private static final class Layout<T> {
        private final String title;
        private final String rowsNoun;
        private final int titleColumn;
        private final List<Column> columns = new ArrayList<>();
        private final List<Function<T, Cell>> cells = new ArrayList<>();

        Layout(String title, String rowsNoun, int titleColumn) {
            this.title = title;
            this.rowsNoun = rowsNoun;
            this.titleColumn = titleColumn;
        }

        Layout<T> narrow(String heading, Function<T, Cell> cell) {
            return column(heading, Shape.TEXT, true, cell);
        }

        Layout<T> wide(String heading, Function<T, Cell> cell) {
            return column(heading, Shape.TEXT, false, cell);
        }

        Layout<T> column(String heading, Shape shape, boolean narrow, Function<T, Cell> cell) {
            columns.add(new Column(heading, shape, narrow));
            cells.add(cell);
            return this;
        }

        Table table(HistoryView<T> view) {
            List<List<Cell>> rows = view.rows().rows().stream()
                    .map(item -> cells.stream().map(cell -> cell.apply(item)).toList()).toList();
            return new Table(title, rowsNoun, columns, rows, view.zone(), titleColumn);
        }
    }
}
