package dev.licensebot.server.cli;

import dev.licensebot.server.LicenseServer;

import java.util.concurrent.CountDownLatch;

/** How long a started server runs: until the JVM shuts down, or until a test says stop. */
@FunctionalInterface
public interface Lifetime {

    /** Blocks while the server should run; the server is closed when this returns. */
    void hold(LicenseServer server) throws InterruptedException;

    /**
     * The real one. The shutdown hook closes the server itself, because once the JVM is shutting
     * down nothing guarantees the blocked main thread gets to run again.
     */
    static Lifetime untilJvmShutdown() {
        return server -> {
            CountDownLatch closed = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                closed.countDown();
            }, "licensebot-shutdown"));
            closed.await();
        };
    }
}
