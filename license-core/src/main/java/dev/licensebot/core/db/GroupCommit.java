package dev.licensebot.core.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs the work of many concurrent callers as one batch, so they share one transaction and one
 * commit (issue 7, B2: a commit, its log flush and its round trip cost more than a one-row UPDATE).
 *
 * <p>No thread of its own: the first caller to find nothing running leads, runs the waiting items
 * (its own among them) and hands the lead to the oldest caller still waiting, who runs what came in
 * meanwhile. A lone caller therefore runs at once, as if there were no batching; under load each
 * batch holds whatever arrived while the previous one ran. Every caller returns only after its own
 * item's batch has finished, with that item's result, or with the batch's exception.
 *
 * @param <T> one caller's item
 * @param <R> that item's result; {@code run} answers a list of them in the items' order
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> run;
    private final int maxBatch;
    private final ArrayDeque<Waiter<T, R>> waiting = new ArrayDeque<>();
    private boolean leading;

    public GroupCommit(int maxBatch, Function<List<T>, List<R>> run) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.run = Objects.requireNonNull(run);
    }

    /** Runs {@code item} in the next batch and answers its result; a failed batch fails all of its callers. */
    public R submit(T item) {
        Waiter<T, R> mine = new Waiter<>(item);
        boolean lead;
        synchronized (waiting) {
            waiting.add(mine);
            lead = !leading;
            leading = true;
        }
        if (!lead && !mine.awaitLeadOrResult()) {
            return mine.result();
        }
        runBatch();
        return mine.result();
    }

    /** Only the leader runs this: one batch from the head of the queue (its own item is there), then the hand-over. */
    private void runBatch() {
        List<Waiter<T, R>> batch = new ArrayList<>();
        synchronized (waiting) {
            while (batch.size() < maxBatch && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
        }
        try {
            finish(batch);
        } finally {
            handOver();
        }
    }

    private void finish(List<Waiter<T, R>> batch) {
        List<R> results;
        try {
            results = run.apply(batch.stream().map(Waiter::item).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException("A batch of " + batch.size() + " answered " + results.size() + " results");
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.fail(e));
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
    }

    private void handOver() {
        Waiter<T, R> next;
        synchronized (waiting) {
            next = waiting.peek();
            leading = next != null;
        }
        if (next != null) {
            next.lead();
        }
    }

    /** One caller's item and, once its batch ran, its outcome; or the word that it leads the next batch. */
    private static final class Waiter<T, R> {
        private final T item;
        private boolean done;
        private boolean leads;
        private R result;
        private Throwable failure;

        Waiter(T item) {
            this.item = item;
        }

        T item() {
            return item;
        }

        synchronized void succeed(R value) {
            result = value;
            done = true;
            notifyAll();
        }

        synchronized void fail(Throwable e) {
            failure = e;
            done = true;
            notifyAll();
        }

        synchronized void lead() {
            leads = true;
            notifyAll();
        }

        /**
         * True when this caller must lead, false when its result is in. Not interruptible on purpose:
         * a caller that left would strand its item, or the lead handed to it, and with it everyone behind.
         */
        synchronized boolean awaitLeadOrResult() {
            boolean interrupted = false;
            while (!done && !leads) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return !done;
        }

        synchronized R result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
