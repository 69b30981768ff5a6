package dev.licensebot.core.paging;

import java.util.List;
import java.util.function.Function;

/** One page of rows and where it sits in the whole list. */
public record Page<T>(List<T> rows, int page, int size, long totalRows) {

    public Page {
        rows = List.copyOf(rows);
    }

    public int totalPages() {
        return totalRows == 0 ? 1 : (int) ((totalRows + size - 1) / size);
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), page, size, totalRows);
    }
}
