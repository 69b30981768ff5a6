package dev.licensebot.server.fuzz;

/** Headers a careless or hostile client adds to any request: odd Accept values, huge or strange headers. */
final class OddHeaders {

    private OddHeaders() {
    }

    static void add(Hostile h, RawHttp.Builder request) {
        if (h.chance(0.3)) {
            request.header("Accept", h.oneOf(";", "text/csv", "*/*", "application/json", "text/csv;q=0", "text/*",
                    "garbage/", "", ",,,", "text/csv; charset=ebcdic", "application/json;q=x, text/csv;q=1",
                    "image/png", "text/html", "a/b/c", "*/*;q=0"));
        }
        if (h.chance(0.15)) {
            String[] odd = h.oneOf(
                    new String[]{"Content-Encoding", h.oneOf("gzip", "br", "identity", "x")},
                    new String[]{"Expect", "100-continue"},
                    new String[]{"Range", h.oneOf("bytes=0-1", "bytes=-1", "bytes=x")},
                    new String[]{"If-None-Match", "*"},
                    new String[]{"If-Modified-Since", h.oneOf("yesterday", "Thu, 01 Jan 1970 00:00:00 GMT")},
                    new String[]{"X-Forwarded-For", h.oneOf("", "1.2.3.4, ::1", "not-an-ip", "%00")},
                    new String[]{"X-Forwarded-Proto", h.oneOf("gopher", "", "https")},
                    new String[]{"Cookie", h.oneOf("JSESSIONID=x", "a", "=;=;")},
                    new String[]{"Accept-Charset", h.oneOf("ebcdic", ";")},
                    new String[]{"Accept-Language", h.oneOf(";", "xx-XX", "*")},
                    new String[]{"Accept-Encoding", h.oneOf("gzip", "br;q=x", ";")},
                    new String[]{"Transfer-Encoding", h.oneOf("gzip", "identity", "x")},
                    new String[]{"X-Odd", h.oneOf("caf\u00e9", "\u00ff\u00fe", "\u0001\u0002", "\t", "x".repeat(4000))},
                    new String[]{"Authorization", "Bearer " + "A".repeat(h.oneOf(100, 4000, 7000))});
            request.header(odd[0], odd[1]);
        }
        if (h.chance(0.01)) {
            // Past Jetty's 8 kB default for the request head.
            request.header("X-Long", "x".repeat(h.between(8_500, 20_000)));
        }
    }

    /** An Authorization header as a client might get it wrong. */
    static String badAuthorization(Hostile h) {
        return h.oneOf("", "Bearer", "Bearer ", "Bearer wrong-key", "bearer wrong", "Basic dXNlcjpwYXNz", "Token x",
                "Bearer \u00e9", "Bearer a.b.c", "Bearer " + "x".repeat(500), ";", "Bearer  two  spaces");
    }

    /** Methods real and made up; HEAD has no body to check. */
    static String method(Hostile h) {
        return h.oneOf("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "M123", "get", "PROPFIND",
                "FOO", "MKCOL", "X".repeat(h.oneOf(1, 20, 300)));
    }
}
