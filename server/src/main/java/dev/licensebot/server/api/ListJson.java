package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.licensebot.core.paging.Page;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of a list and where it sits in the whole. {@code status}, {@code sort}, {@code order}
 * and {@code since} echo what is in force, for the lists where they mean something.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListJson<T>(List<T> items, int page, int size, long totalItems, int totalPages,
                          String status, String sort, String order, LocalDate since) {

    static <T> ListJson<T> of(Page<T> page) {
        return new ListJson<>(page.rows(), page.page(), page.size(), page.totalRows(), page.totalPages(),
                null, null, null, null);
    }

    ListJson<T> sorted(String newStatus, String newSort, String newOrder) {
        return new ListJson<>(items, page, size, totalItems, totalPages, newStatus, newSort, newOrder, since);
    }

    ListJson<T> since(LocalDate newSince) {
        return new ListJson<>(items, page, size, totalItems, totalPages, status, sort, order, newSince);
    }
}
