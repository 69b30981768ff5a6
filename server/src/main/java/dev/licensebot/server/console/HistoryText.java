package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.history.Histories;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.users.PlatformUser;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiConsumer;

/** `history users|sessions|purchases [since DATE] [page N]`: a page of a history, newest first, as a table. */
final class HistoryText implements ConsoleAnswer<LicenseRequest.History> {

    @Override
    public Reply answer(LicenseRequest.History request, ConsoleUser who) {
        Histories histories = who.core().histories();
        HistoryQuery query = new HistoryQuery(request.since(), PageRequest.of(request.page()));
        HistoryKind kind = request.kind();
        return switch (kind) {
            case USERS -> reply(kind, histories.users(who.tenant(), who.actor(), query), users());
            case SESSIONS -> reply(kind, histories.sessions(who.tenant(), who.actor(), query), sessions());
            case PURCHASES -> reply(kind, histories.purchases(who.tenant(), who.actor(), query), purchases());
        };
    }

    private static <T> Reply reply(HistoryKind kind, HistoryView<T> view, Columns<T> columns) {
        Pager pager = new Pager(view.rows(), p -> new LicenseRequest.History(kind, view.since(), p));
        return Reply.paged(render(kind, view, columns, pager), pager);
    }

    /** The frame every history shares: what is shown, the rows or why there are none, and paging. */
    static <T> String render(HistoryKind kind, HistoryView<T> view, Columns<T> columns, Pager pager) {
        Page<T> page = view.rows();
        String since = view.since() == null ? "" : " since " + TenantTime.date(view.since());
        Lines lines = new Lines().add(kind.title() + " · " + Lines.count(page.totalRows(), "entry", "entries")
                + since + " · newest first" + pager.inHeading() + " · times in " + view.zone().getId());
        if (view.isEmpty()) {
            return lines.add("Nothing recorded" + (since.isEmpty() ? " yet." : since + ".")).toString();
        }
        if (page.isEmpty()) {
            return lines.add(pager.nothingHere()).toString();
        }
        TextTable table = columns.table();
        for (T row : page.rows()) {
            columns.fill().accept(table, new Row<>(row, view.zone()));
        }
        return lines.add(table.render()).add(pager.hint()).toString();
    }

    /** One history's headings and how a row fills them. */
    record Columns<T>(TextTable table, BiConsumer<TextTable, Row<T>> fill) {
    }

    /** A row with the zone its times are shown in. */
    record Row<T>(T value, ZoneId zone) {
        String time(Instant at) {
            return at == null ? "" : TenantTime.dateTime(at, zone);
        }
    }

    private static Columns<PlatformUser> users() {
        return new Columns<>(TextTable.of("User id", "Username", "Email", "First name", "Last name", "Role",
                "Status", "Created on", "Conversations").rightAlign(8), (table, row) -> {
                    PlatformUser u = row.value();
                    table.row(u.userId(), u.username(), u.email(), u.firstName(), u.lastName(), u.role(),
                            u.holdsLicense() ? "Active" : "Inactive", row.time(u.statusChangedAt()), u.conversations());
                });
    }

    private static Columns<AgentSession> sessions() {
        return new Columns<>(TextTable.of("Session", "Agent", "Started", "Started by", "Email", "Role", "Agent name",
                "Channel", "Conversations", "Open interactions", "Last activity", "Ended", "End reason",
                "Terminated by").rightAlign(8), (table, row) -> {
                    AgentSession s = row.value();
                    table.row(s.id(), s.displayName(), row.time(s.startedAt()),
                            s.startedBy() == null ? null : s.startedBy().name(), s.email(), s.role(), s.agentName(),
                            s.channel(), s.conversations(), ActiveAgentsText.interactions(s),
                            row.time(s.lastActivityAt()), s.isOpen() ? "still open" : row.time(s.endedAt()),
                            s.endReason() == null ? null : s.endReason().name(), s.terminatedBy());
                });
    }

    private static Columns<Replenishment> purchases() {
        return new Columns<>(TextTable.of("Date", "Licenses", "Change", "Total after", "By", "Reason")
                .rightAlign(2).rightAlign(3), (table, row) -> {
                    Replenishment r = row.value();
                    table.row(row.time(r.occurredAt()), r.pool().label(), String.format("%+d", r.delta()),
                            r.totalAfter(), r.actor(), r.reason());
                });
    }
}
