package dev.licensebot.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, one connection per request: java.net.http refuses most of what a
 * hostile client sends (made-up methods, malformed targets, odd header values), so this writes the
 * bytes as given and reads whatever comes back.
 */
final class RawHttp {

    /** What is sent: the request line's method and target exactly as written, headers in order. */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                   boolean contentLength) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shorten(target, 300));
            headers.forEach(h -> text.append("\n  ").append(h.getKey()).append(": ")
                    .append(shorten(h.getValue(), 200)));
            if (body.length > 0) {
                text.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(shorten(new String(body, StandardCharsets.UTF_8), 600));
            }
            return text.toString();
        }
    }

    /** What came back; status 0: the connection ended without an answer, {@code timedOut}: it hung. */
    record Reply(int status, Map<String, String> headers, String body, boolean timedOut) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return timedOut ? "no answer in time" : status == 0 ? "no answer (connection closed)"
                    : status + " " + header("content-type") + " " + shorten(body, 600);
        }
    }

    private final int port;
    private final int timeoutMillis;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Reply send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            try {
                write(socket.getOutputStream(), request);
            } catch (IOException e) {
                // The server may answer and close before taking the whole body: read what it said.
            }
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        } catch (SocketTimeoutException e) {
            return new Reply(0, Map.of(), "", true);
        } catch (IOException e) {
            return new Reply(0, Map.of(), String.valueOf(e.getMessage()), false);
        }
    }

    private void write(OutputStream out, Request request) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (Map.Entry<String, String> header : request.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (request.contentLength()) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (request.contentLength()) {
            out.write(request.body());
        }
        out.flush();
    }

    private static Reply read(InputStream in, boolean head) throws IOException {
        byte[] all = readAll(in);
        if (all.length == 0) {
            return new Reply(0, Map.of(), "", false);
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        // Interim answers (100 Continue to an Expect header) precede the real one.
        while (text.startsWith("HTTP/1.1 1") && end >= 0) {
            all = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            text = text.substring(end + 4);
            end = text.indexOf("\r\n\r\n");
        }
        if (all.length == 0) {
            return new Reply(0, Map.of(), "", false);
        }
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 ? parseStatus(statusLine[1]) : 0;
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = end < 0 || head ? new byte[0]
                : java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = dechunk(body);
        }
        if ("gzip".equalsIgnoreCase(headers.getOrDefault("content-encoding", "")) && body.length > 0) {
            // Asked for with Accept-Encoding: gzip; the checks read the text.
            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), false);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // A reset after the answer: keep what arrived.
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    /** A request builder for the generators. */
    static final class Builder {
        private final String method;
        private final String target;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean contentLength;

        Builder(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Builder header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Builder body(byte[] bytes) {
            this.body = bytes;
            this.contentLength = true;
            return this;
        }

        Request build() {
            return new Request(method, target, List.copyOf(headers), body, contentLength);
        }
    }
}
