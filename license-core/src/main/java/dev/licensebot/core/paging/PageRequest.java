package dev.licensebot.core.paging;

import dev.licensebot.core.Refusal;

/** Which page of a list someone asked for; 1-based, as people count. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 1) {
            throw Refusal.invalid("page", "The page number must be 1 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("size", "The page size must be between 1 and " + MAX_SIZE + ".");
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    public static PageRequest of(int page) {
        return new PageRequest(page, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
