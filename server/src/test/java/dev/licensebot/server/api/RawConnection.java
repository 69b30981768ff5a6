package dev.licensebot.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection over a plain socket, written to as slowly as a test likes, for what
 * java.net.http cannot send: a body that trickles in, a Content-Length the body never reaches,
 * headers as large as we please. (The fuzz test's RawHttp sends whole requests and reads answers.)
 */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawConnection(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends text as it is; false when the server has closed the connection already. */
    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Everything the server sends until it closes the connection or falls silent for {@code
     * quietMillis} after having said something; "" when it said nothing within {@code waitMillis}.
     */
    String answer(int waitMillis) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long deadline = System.currentTimeMillis() + waitMillis;
        byte[] buffer = new byte[8192];
        try {
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout(received.size() == 0 ? (int) Math.max(1, deadline - System.currentTimeMillis()) : 300);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    if (received.size() > 0) {
                        break;
                    }
                    continue;
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset after the answer: what arrived is the answer.
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }

    static String body(String answer) {
        int start = answer.indexOf("\r\n\r\n");
        return start < 0 ? "" : answer.substring(start + 4);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test's socket: nothing to do
        }
    }
}
