package dev.licensebot.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the server's own pools. Their threads are daemons: a pool left running never
 * keeps a JVM alive after the server stopped, which finishes its requests in flight first. Named, so
 * a thread dump or a profile says whose work a thread does.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread called {@code name}: for a pool of one. */
    public static ThreadFactory named(String name) {
        return work -> daemon(work, name);
    }

    /** Threads called {@code prefix} and a number counting from 1: for a pool of several. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> daemon(work, prefix + count.incrementAndGet());
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
