package dev.licensebot.teams.transport;

import dev.licensebot.core.DaemonThreads;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.Executors;

/**
 * The one OkHttp client every Bot Connector call goes out on, with Nagle's algorithm off.
 *
 * <p>The SDK writes a card POST in more than one segment. With Nagle on, the last segment waits
 * for the ACK of the first, and a receiver that delays its ACKs (Linux does, ~40 ms) holds every
 * card reply that long: the benchmark measured 50 ms for a card against 3 ms for a short text
 * reply (docs/benchmarks.md, B3). Each request is written whole and answered before the next, so
 * there is nothing for Nagle to coalesce. Sharing one client also shares its connection pool and
 * threads, where the SDK would build a client per connector and per member lookup.
 *
 * <p>It is built at the first call out, not when the server starts: building it sets up TLS,
 * which loads the JDK's trust store and parses its certificates, a tenth of the server's start
 * (bench/NOTES.md, B5 start-up), and a server no Teams conversation reaches never needs it.
 *
 * <p>The SDK's calls are asynchronous, so they run on the client's dispatcher threads. OkHttp's own
 * are not daemons and idle for a minute before they end: a JVM whose server had stopped stayed up
 * that long after its last Teams reply (the benchmark's did, after every run of B3). These are
 * daemons. Nothing is cut short by that: a reply goes out within the turn's own request, and the
 * server finishes its requests in flight before it stops.
 */
final class ConnectorHttp {

    private ConnectorHttp() {
    }

    static OkHttpClient client() {
        return Holder.CLIENT;
    }

    static final String THREAD_NAME = "teams-connector-";

    /**
     * The JVM initialises a class at its first use, once and thread-safely: lazy without a lock. The
     * dispatcher's pool is OkHttp's own kind (threads as calls need them, ended after a minute idle).
     */
    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
                .dispatcher(new Dispatcher(Executors.newCachedThreadPool(DaemonThreads.numbered(THREAD_NAME))))
                .build();
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
