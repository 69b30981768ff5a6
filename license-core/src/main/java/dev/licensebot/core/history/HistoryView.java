package dev.licensebot.core.history;

import dev.licensebot.core.paging.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One page of a history, newest first, with what a renderer needs around it: the {@code since}
 * in force (null: none), the zone to show times in, and the instant the rows are as of.
 */
public record HistoryView<T>(Page<T> rows, LocalDate since, ZoneId zone, Instant asOf) {

    public boolean isEmpty() {
        return rows.totalRows() == 0;
    }
}
