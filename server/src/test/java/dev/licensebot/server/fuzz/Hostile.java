package dev.licensebot.server.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random and hostile values from one seeded {@link Random}: what a careless or malicious client
 * puts in JSON fields, paths, query strings and headers. Everything it makes depends on the seed
 * alone, so a seed replays the same requests.
 */
final class Hostile {

    private static final List<String> STRINGS = List.of("", " ", "ann", "Ann Example", "ann@example.com", "AGENT",
            "PLATFORM", "agent", "session", "user", "\u0000", "a\u0000b", "\u202Eevil", "\u200B", "\t\n\r",
            "\uD83D\uDE00", "<!channel>", "<@U123>", "*bold*", "<script>alert(1)</script>", "Robert'); DROP TABLE x;--",
            "../../etc/passwd", "%00", "%s%n", "${jndi:ldap://127.0.0.1:1/x}", "null", "true", "-1", "1e9999",
            "2026-03-10T08:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "0000-00-00",
            "2026-02-30", "\\", "\"", "'", "{}", "[]", "é", "e\u0301", "\u00ff\u00fe");

    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "1e308", "-1e308", "1e-400",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "99999999999999999999999999999999", "1" + "0".repeat(1200), "1.5e3", "0x10", "NaN", "Infinity", "01");

    final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    @SafeVarargs
    final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T weighted(Supplier<T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    /** A string a person might type, or one nobody should. */
    String string() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> oneOf(STRINGS);
            case 2 -> randomChars(between(1, 40));
            case 3 -> oneOf("x", "\u00e9", "\uD83D\uDE00", "\u0000", "a")
                    .repeat(oneOf(64, 200, 255, 256, 2000, 20_000));
            default -> "ann-" + random.nextInt(50);
        };
    }

    /** Any code points, control characters, surrogate halves and all. */
    String randomChars(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x20 + random.nextInt(0x5f));
                case 2 -> (char) random.nextInt(0x10000);
                case 3 -> (char) (0xD800 + random.nextInt(0x800));
                default -> "\u202E\u2066\uFEFF\u00A0".charAt(random.nextInt(4));
            });
        }
        return text.toString();
    }

    String number() {
        return chance(0.7) ? oneOf(NUMBERS) : String.valueOf(random.nextLong() >> random.nextInt(64));
    }

    /** A JSON string literal of {@link #string()}, escaped so the document stays well-formed. */
    String jsonString() {
        return quote(string());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Any JSON value, nested up to {@code depth}. */
    String jsonValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> oneOf("true", "false");
            case 2, 3 -> number();
            case 4, 5 -> jsonString();
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = between(0, 3); i > 0; i--) {
                    array.append(jsonValue(depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = between(0, 3); i > 0; i--) {
                    object.append(quote(oneOf("name", "instances", "id", "x", string()))).append(':')
                            .append(jsonValue(depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    /** Well-formed JSON made ill: cut short, a byte changed, tokens after the end, nested too deep. */
    String garble(String json) {
        return switch (random.nextInt(9)) {
            case 0 -> json.substring(0, random.nextInt(json.length() + 1));
            case 1 -> {
                int at = random.nextInt(json.length() + 1);
                yield json.substring(0, at) + oneOf("\"", "{", "]", ",", ":", "\\", "\u0000", "'", "/*")
                        + json.substring(at);
            }
            case 2 -> json + oneOf(" x", "}", "{}", " 1", ",", "\u0000");
            case 3 -> "[".repeat(between(100, 5000)) + "]".repeat(random.nextInt(50));
            case 4 -> "{\"a\":".repeat(between(100, 3000)) + "1" + "}".repeat(between(0, 3000));
            case 5 -> json.replace('"', '\'');
            case 6 -> "\uFEFF" + json;
            case 7 -> oneOf("", " ", "null", "[]", "\"text\"", "42", "true", "{", "}", "nul", "{\"\":}");
            default -> randomChars(between(1, 200));
        };
    }

    /** A path segment: a real id, an odd one, or percent-encoding that is broken or decodes to trouble. */
    String pathSegment(String real) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> real;
            case 3 -> oneOf("%FF%FE", "%zz", "%", "%2", "%C0%AF", "%ED%A0%80", "%00", "%2F", "%2e%2e", "%25");
            case 4 -> oneOf("..", ".", "a;b", "a;jsessionid=1", "x".repeat(between(100, 9000)), "%F0%9F%98%80", "-",
                    "null", "a%20b", "caf\u00e9", "a\tb", "a b");
            case 5 -> "s-" + random.nextInt(1000);
            case 6 -> encode(string());
            default -> real + oneOf("/", "//", "/x", "%2F", ";x", "?", "#frag");
        };
    }

    /** A query string with the parameters the API reads, and others, in hostile spellings. */
    String query(List<String> names) {
        if (chance(0.3)) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = between(1, 4); i > 0; i--) {
            String name = chance(0.8) ? oneOf(names) : oneOf("x", "", "%zz", "page[]", "a=b=c");
            String value = switch (random.nextInt(5)) {
                case 0 -> oneOf("1", "2", "0", "-1", "50", "1000000", "2147483648", "9223372036854775808", "1e3");
                case 1 -> oneOf("ACTIVE", "active", "ENDED", "session", "user", "SESSION", "asc", "DESC", "startedAt",
                        "username", "2026-03-01", "0001-01-01", "+2026-03-01", "9999-12-31", "2026-13-01");
                case 2 -> oneOf("%FF", "%", "%zz", "%00", "%E2%80%8B", "", "a%20b", "%2B");
                case 3 -> encode(string());
                default -> number();
            };
            query.append(name).append(chance(0.9) ? "=" : "").append(value).append(i > 1 ? "&" : "");
        }
        return query.toString();
    }

    /** Percent-encodes what a URL cannot carry raw; leaves the rest as is. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "#%&+/?\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
