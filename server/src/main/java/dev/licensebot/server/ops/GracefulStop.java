package dev.licensebot.server.ops;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;

/**
 * Jetty stops gracefully only with a graceful handler in front of the application: on stop the
 * connectors close (new connections are refused), requests already running finish, and only
 * then, or after the timeout, does the server go down. Javalin puts its servlet handler inside
 * the wrapper it finds on the server.
 */
public final class GracefulStop {

    /** Below the 30 seconds most orchestrators wait before they kill. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private GracefulStop() {
    }

    public static void install(Server server, Duration timeout) {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(timeout.toMillis());
    }
}
