package dev.licensebot.core.db;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent callers share batches; each still gets exactly its own outcome, once. */
class GroupCommitTest {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    private Function<List<Integer>, List<String>> recording(Function<Integer, String> each) {
        return items -> {
            batches.add(List.copyOf(items));
            return items.stream().map(each).toList();
        };
    }

    @Test
    void aLoneCallerRunsItsItemAtOnceInABatchOfItsOwn() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(8, recording(i -> "#" + i));

        assertEquals("#7", commit.submit(7));
        assertEquals(List.of(List.of(7)), batches);
    }

    @Test
    void callersArrivingWhileABatchRunsShareTheNextOneAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(8, recording(i -> {
            if (i == 0) {
                firstRunning.countDown();
                await(releaseFirst);
            }
            return "#" + i;
        }));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            Future<String> first = callers.submit(() -> commit.submit(0));
            assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
            List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
            List<Future<String>> later = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                later.add(callers.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return commit.submit(item);
                }));
            }
            awaitAllWaiting(waiting, 5);
            releaseFirst.countDown();

            assertEquals("#0", first.get(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 5; i++) {
                assertEquals("#" + i, later.get(i - 1).get(10, TimeUnit.SECONDS));
            }
            assertEquals(2, batches.size(), "one batch for the first caller, one for the five that waited");
            assertEquals(List.of(0), batches.get(0));
            assertEquals(List.of(1, 2, 3, 4, 5), batches.get(1).stream().sorted().toList());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBatchNeverHoldsMoreThanItsLimit() throws Exception {
        int limit = 3;
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            GroupCommit<Integer, String> commit = new GroupCommit<>(limit, recording(i -> "#" + i));
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int item = i;
                results.add(callers.submit(() -> commit.submit(item)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals("#" + i, results.get(i).get(30, TimeUnit.SECONDS));
            }
            assertTrue(batches.stream().allMatch(b -> !b.isEmpty() && b.size() <= limit), batches.toString());
            assertEquals(2_000, batches.stream().mapToInt(List::size).sum(), "every item ran exactly once");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsCallersAndTheNextBatchStillRuns() {
        IllegalStateException down = new IllegalStateException("database down");
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<Integer, String> commit = new GroupCommit<>(8, items -> {
            if (calls.incrementAndGet() == 1) {
                throw down;
            }
            return items.stream().map(i -> "#" + i).toList();
        });

        assertSame(down, assertThrows(IllegalStateException.class, () -> commit.submit(1)));
        assertEquals("#2", commit.submit(2), "the lead was handed on after the failure");
    }

    @Test
    void manyThreadsSubmittingAtOnceEachGetTheirOwnResultExactlyOnce() throws Exception {
        GroupCommit<Integer, String> commit = new GroupCommit<>(128, recording(i -> "#" + i));
        int threads = 8;
        int each = 500;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = base; i < base + each; i++) {
                        assertEquals("#" + i, commit.submit(i));
                    }
                }, callers));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            callers.shutdownNow();
        }

        List<Integer> all = batches.stream().flatMap(List::stream).sorted().toList();
        assertEquals(threads * each, all.size());
        assertEquals(threads * each, all.stream().distinct().count());
    }

    @Test
    void aBatchLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, String>(0, items -> List.of()));
    }

    private static void awaitAllWaiting(List<Thread> threads, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (threads.size() == count && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the callers did not all wait: " + threads.stream().map(Thread::getState).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
