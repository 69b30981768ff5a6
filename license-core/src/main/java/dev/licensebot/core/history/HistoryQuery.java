package dev.licensebot.core.history;

import dev.licensebot.core.paging.PageRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which part of a history: rows on or after the start of {@code since} in the tenant's time zone
 * (null: from the beginning), and which page of them.
 */
public record HistoryQuery(LocalDate since, PageRequest page) {

    public HistoryQuery {
        page = page == null ? PageRequest.first() : page;
    }

    public static HistoryQuery all() {
        return new HistoryQuery(null, null);
    }

    public static HistoryQuery since(LocalDate since) {
        return new HistoryQuery(since, null);
    }

    public HistoryQuery page(PageRequest page) {
        return new HistoryQuery(since, page);
    }

    /**
     * The first instant the rows may have: the start of {@code since} in {@code zone}, or the epoch
     * when there is no since (every stored instant is after it, so one indexed range serves both).
     */
    public Instant start(ZoneId zone) {
        return since == null ? Instant.EPOCH : since.atStartOfDay(zone).toInstant();
    }
}
