package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the server, and strict reading of request bodies: every way a
 * body can be wrong becomes a 400 that names the field, never a 500.
 */
public final class ApiJson {

    /** Jackson's STRICT_DUPLICATE_DETECTION says "Duplicate field 'name'": we say it our way. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private ApiJson() {
    }

    /**
     * ISO-8601 instants; unknown properties refused (DESIGN.md §6: a misspelt field must not pass
     * silently, as {"usrname": "ann"} once opened a Guest session); no silent coercion ("5" is not a
     * number, 1.5 is not a whole number, 5 is not a string).
     */
    public static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The body as {@code type}; it must be one JSON object. Read in one pass, straight into the
     * type: a tree first, then converted, built every value twice (issue 7, B2).
     */
    static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiError.badBody("The request needs a JSON object as its body.");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject();
            }
            // FAIL_ON_TRAILING_TOKENS: anything after the object is refused here too.
            return mapper.readValue(parser, type);
        } catch (UnrecognizedPropertyException e) {
            throw unknownField(e);
        } catch (JsonMappingException e) {
            throw mappingError(e);
        } catch (JacksonException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw ApiError.badBody("The request body could not be read.");
        }
    }

    private static ApiError notAnObject() {
        return ApiError.badBody("The request body must be a JSON object, such as {\"username\": \"ann\"}.");
    }

    /**
     * What is wrong with the body's JSON, in our words: Jackson's own messages name its classes and
     * settings (FAIL_ON_TRAILING_TOKENS, StreamReadConstraints), which mean nothing to a client.
     */
    private static ApiError notJson(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return ApiError.badBody("The request body is not valid JSON here: it is nested more than "
                    + "1000 levels deep, or has a number longer than 1000 digits or a name or text too long to read.");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return ApiError.badBody("The request body has the field \"" + ApiInput.abbreviate(duplicate.group(1))
                    + "\" twice.");
        }
        if (e instanceof JsonEOFException) {
            return ApiError.badBody("The request body ends before its JSON is complete.");
        }
        JsonLocation at = e.getLocation();
        return ApiError.badBody("The request body is not valid JSON"
                + (at == null || at.getLineNr() < 1 ? "." : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")."));
    }

    /** A field this request does not have: named, with the ones it has. */
    private static ApiError unknownField(UnrecognizedPropertyException e) {
        String where = pathOf(e.getPath());
        String name = where.isEmpty() ? String.valueOf(e.getPropertyName()) : where;
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return ApiError.unknownField(name, "\"" + ApiInput.abbreviate(name) + "\" is not a field of this request"
                + (known.isEmpty() ? "." : "; the fields are " + known + "."));
    }

    /**
     * Syntax errors met inside a field's value arrive wrapped with that field's path; they are still
     * the body's fault as a whole, as when the body was parsed before it was bound. A number too big
     * for its type is a coercion error, though: that one is the field's.
     */
    private static ApiError mappingError(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException tooMuch) {
                return notJson(tooMuch);
            }
            if (cause instanceof StreamReadException read && !(cause instanceof InputCoercionException)) {
                return notJson(read);
            }
        }
        if (e.getPath().isEmpty()) {
            // Only whole-body problems have no path: trailing tokens.
            return ApiError.badBody("The request body has more after its JSON object: send exactly one object.");
        }
        return fieldError(e);
    }

    private static ApiError fieldError(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return ApiError.badBody("The request body does not have the expected shape.");
        }
        String top = path.get(0).getFieldName();
        String where = pathOf(path);
        return ApiError.invalid(top, where, where + " " + problem(e));
    }

    /** "openInteractions[0].instances" */
    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder where = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                where.append(where.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                where.append('[').append(ref.getIndex()).append(']');
            }
        }
        return where.toString();
    }

    private static String problem(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (e.getCause() instanceof InputCoercionException) {
            return "is out of range.";
        }
        return target == null ? "is not valid." : "must be " + describe(target) + ".";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
