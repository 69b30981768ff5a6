package dev.licensebot.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
