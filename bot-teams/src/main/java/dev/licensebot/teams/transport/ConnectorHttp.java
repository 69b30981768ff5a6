package dev.licensebot.teams.transport;

import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * The one OkHttp client every Bot Connector call goes out on, with Nagle's algorithm off.
 *
 * <p>The SDK writes a card POST in more than one segment. With Nagle on, the last segment waits
 * for the ACK of the first, and a receiver that delays its ACKs (Linux does, ~40 ms) holds every
 * card reply that long: the benchmark measured 50 ms for a card against 3 ms for a short text
 * reply (docs/benchmarks.md, B3). Each request is written whole and answered before the next, so
 * there is nothing for Nagle to coalesce. Sharing one client also shares its connection pool and
 * threads, where the SDK would build a client per connector and per member lookup.
 */
final class ConnectorHttp {

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
            .build();

    private ConnectorHttp() {
    }

    static OkHttpClient client() {
        return CLIENT;
    }

    /**
     * Sockets from the default factory with TCP_NODELAY set. OkHttp asks for unconnected sockets
     * and layers TLS over them, so the option holds for HTTPS connectors too.
     */
    static final class NoDelaySocketFactory extends SocketFactory {

        private final SocketFactory sockets;

        NoDelaySocketFactory(SocketFactory sockets) {
            this.sockets = sockets;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(sockets.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(sockets.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(sockets.createSocket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
