package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.licensebot.core.paging.Page;
import io.javalin.http.Context;

import java.io.IOException;
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
            .addModule(new SimpleModule("formula-neutral-text").addSerializer(String.class, new NeutralText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** CSV when the Accept header prefers text/csv to JSON; JSON stays the default on a tie. */
    static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            // -1 keeps empty parts: "Accept: ;" is one range of an empty type, not no range at all.
            String[] parts = range.split(";", -1);
            String type = parts[0].trim();
            double q = quality(parts);
            if (type.equals("text/csv") || type.equals("text/*")) {
                csv = Math.max(csv, q);
            } else if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                json = Math.max(json, q);
            }
        }
        return csv > json;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // an unreadable weight counts as "not acceptable", as RFC 9110 allows
                }
            }
        }
        return 1;
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

    /**
     * Text cells that a spreadsheet would run as a formula (OWASP's CSV injection: a leading =, +,
     * -, @, tab or carriage return) get a leading single quote, so they show as the text they are.
     * Only text: numbers (a purchase's delta of -5) are written by their own serializers, untouched,
     * and none of our text columns holds a number a spreadsheet should compute with.
     */
    static final class NeutralText extends StdSerializer<String> {

        NeutralText() {
            super(String.class);
        }

        static String neutral(String value) {
            return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(neutral(value));
        }
    }
}
