package dev.licensebot.core.conversation;

import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.tenant.Pool;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person asked for, in the words of DESIGN.md §5, parsed once for every chat platform.
 * Adapters switch over these and call the matching use case.
 */
public sealed interface LicenseRequest {

    record Usage() implements LicenseRequest {
    }

    /** {@code sort}/{@code order} null mean the list's defaults. */
    record Active(SessionSort sort, SortOrder order, int page) implements LicenseRequest {
    }

    record History(HistoryKind kind, LocalDate since, int page) implements LicenseRequest {
    }

    record Terminate(List<String> sessionIds) implements LicenseRequest {
        public Terminate {
            sessionIds = List.copyOf(sessionIds);
        }
    }

    record Replenish(int delta, Pool pool, String reason) implements LicenseRequest {
    }

    /** Help; {@code unknownWords} names what was not understood (empty for a plain "help"). */
    record Help(List<String> unknownWords) implements LicenseRequest {
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
