package dev.licensebot.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonThreadsTest {

    @Test
    void numberedThreadsCountFromOneAndAreDaemons() {
        ThreadFactory threads = DaemonThreads.numbered("worker-");

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertEquals("worker-1", first.getName());
        assertEquals("worker-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon(), "a daemon never keeps the JVM alive");
    }

    @Test
    void namedThreadsAllCarryTheNameGiven() {
        ThreadFactory threads = DaemonThreads.named("sweeper");

        assertEquals("sweeper", threads.newThread(() -> { }).getName());
        assertEquals("sweeper", threads.newThread(() -> { }).getName());
        assertTrue(threads.newThread(() -> { }).isDaemon());
    }
}
