package dev.licensebot.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.licensebot.core.db.DatabaseUnavailable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodicTaskTest {

    @Test
    void aFailingRunIsLoggedAndTheNextRunStillHappens() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch twoRuns = new CountDownLatch(2);

        try (PeriodicTask ignored = PeriodicTask.start("flaky-job", Duration.ofMillis(5), () -> {
            twoRuns.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first run fails on purpose");
            }
        })) {
            assertTrue(twoRuns.await(10, TimeUnit.SECONDS), "the job ran again after failing");
        }
    }

    @Test
    void aRunThatFindsTheDatabaseAwayIsOneWarningWithoutAStackTrace() throws InterruptedException {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(PeriodicTask.class);
        logged.start();
        logger.addAppender(logged);
        CountDownLatch ran = new CountDownLatch(1);
        try (PeriodicTask ignored = PeriodicTask.start("sweep", Duration.ofMillis(5), () -> {
            ran.countDown();
            throw new DatabaseUnavailable(new SQLTransientConnectionException("Connection refused"));
        })) {
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        } finally {
            logger.detachAppender(logged);
        }
        ILoggingEvent first = logged.list.get(0);
        assertEquals(Level.WARN, first.getLevel());
        assertEquals("sweep skipped: the database cannot be reached (Connection refused); it runs again at its "
                + "next interval", first.getFormattedMessage());
        assertNull(first.getThrowableProxy(), "no stack trace for an outage");
    }

    @Test
    void theJobRunsOnADaemonThreadNamedAfterIt() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] runner = new Thread[1];

        try (PeriodicTask ignored = PeriodicTask.start("named-job", Duration.ofMillis(5), () -> {
            runner[0] = Thread.currentThread();
            ran.countDown();
        })) {
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        }
        assertTrue(runner[0].isDaemon(), "a daemon never keeps the JVM alive");
        assertEquals("named-job", runner[0].getName());
    }
}
