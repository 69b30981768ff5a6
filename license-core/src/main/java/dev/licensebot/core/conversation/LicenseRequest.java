package dev.licensebot.core.conversation;

import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.tenant.Pool;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person asked for, in the words of DESIGN.md §5, parsed once for every chat platform.
 * The core's {@link Conversation} answers each; adapters only parse and render.
 */
public sealed interface LicenseRequest {

    /** One method per kind of request, so a new kind does not compile until it is answered. */
    interface Visitor<T> {
        T usage(Usage request);

        T active(Active request);

        T history(History request);

        T audit(Audit request);

        T digest(Digest request);

        T terminate(Terminate request);

        T replenish(Replenish request);

        T replenishForm(ReplenishForm request);

        T alerts(Alerts request);

        T help(Help request);
    }

    <T> T accept(Visitor<T> visitor);

    record Usage() implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.usage(this);
        }
    }

    /** {@code sort}/{@code order} null mean the list's defaults. */
    record Active(SessionSort sort, SortOrder order, int page) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.active(this);
        }
    }

    /** {@code wide}: every column, where a surface would otherwise leave some out (a terminal). */
    record History(HistoryKind kind, LocalDate since, int page, boolean wide) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.history(this);
        }

        public History(HistoryKind kind, LocalDate since, int page) {
            this(kind, since, page, false);
        }
    }

    /** The audit log: who did what, newest first. */
    record Audit(LocalDate since, int page) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.audit(this);
        }
    }

    /** The weekly digest: each pool's week against its 30 days, and what to do about its size. */
    record Digest() implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.digest(this);
        }
    }

    record Terminate(List<String> sessionIds) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.terminate(this);
        }
        public Terminate {
            sessionIds = List.copyOf(sessionIds);
        }
    }

    record Replenish(int delta, Pool pool, String reason) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.replenish(this);
        }
    }

    /**
     * A replenish as typed into a form (Slack's modal, Teams' card): amount and pool as text, parsed
     * by the core after the permission check, refusals naming the field at fault.
     */
    record ReplenishForm(String pool, String amount, String reason) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.replenishForm(this);
        }
    }

    /** Anything about alerts: look, turn on or off here, levels, digest time, or a button of an alert. */
    record Alerts(AlertsChange change) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.alerts(this);
        }
    }

    /** Help; {@code unknownWords} names what was not understood (empty for a plain "help"). */
    record Help(List<String> unknownWords) implements LicenseRequest {

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.help(this);
        }
        public Help {
            unknownWords = List.copyOf(unknownWords);
        }
    }

    enum HistoryKind {
        USERS("User history"), SESSIONS("Session history"), PURCHASES("Purchase history");

        private final String title;

        HistoryKind(String title) {
            this.title = title;
        }

        /** "Session history": the same heading on every surface. */
        public String title() {
            return title;
        }
    }
}
