package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.licensebot.core.paging.Page;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The read side as CSV when the client asks for it with "Accept: text/csv": a header row, then
 * one flat row per item. Paging travels in headers, since CSV has no room for it.
 */
final class Csv {

    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private final CsvMapper mapper = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    <R> void write(Context ctx, Class<R> rowType, Page<R> page) {
        ctx.header("X-Page", String.valueOf(page.page()))
                .header("X-Page-Size", String.valueOf(page.size()))
                .header("X-Total-Items", String.valueOf(page.totalRows()))
                .header("X-Total-Pages", String.valueOf(page.totalPages()));
        write(ctx, rowType, page.rows());
    }

    <R> void write(Context ctx, Class<R> rowType, List<R> rows) {
        try {
            String text = mapper.writer(mapper.schemaFor(rowType).withHeader()).writeValueAsString(rows);
            ctx.contentType(CONTENT_TYPE).result(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write " + rowType.getSimpleName() + " rows as CSV", e);
        }
    }
}
