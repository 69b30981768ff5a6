package dev.licensebot.teams.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTPS proxy for tests that answers every CONNECT by tunnelling to one local port, whatever host
 * was named: a JVM started with {@code -Dhttps.proxyHost/-Dhttps.proxyPort} pointing here reaches
 * that port when it asks for any https host, with TLS end to end, and no privileged port is needed.
 */
public final class ConnectTunnel implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "connect-tunnel");
        thread.setDaemon(true);
        return thread;
    });

    private ConnectTunnel(int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        pumps.execute(this::accept);
    }

    public static ConnectTunnel to(int targetPort) throws IOException {
        return new ConnectTunnel(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pumps.execute(() -> tunnel(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            readHead(client.getInputStream());
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            pumps.execute(() -> pump(target, client));
            pump(client, target);
        } catch (IOException gone) {
            // One side hung up: the tunnel ends with it.
        }
    }

    /** The CONNECT line and its headers, up to the blank line; the bytes after it are the tunnel's. */
    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client left before its CONNECT ended");
            }
            head.write(b);
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException gone) {
            // The other direction sees the same end.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pumps.shutdownNow();
    }
}
