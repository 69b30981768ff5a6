package dev.licensebot.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The load driver for the server: {@code clients} threads, each sending its next request as soon
 * as the last one is answered over one keep-alive HTTP/1.1 client, until either the request budget
 * or the time budget is spent. Loopback only: every request goes to 127.0.0.1.
 */
public final class HttpLoad {

    /** What a run did: successful requests per second, how long they took, and what failed. */
    public record Result(long requests, long failures, Duration elapsed, Latencies latencies) {
        public double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s, %s, %d failed", perSecond(), latencies, failures);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Runs the load. {@code request} makes client {@code i}'s requests; a status other than
     * {@code expected} counts as a failure (and its time is not a sample).
     */
    public Result run(int clients, long maxRequests, Duration maxTime, IntFunction<HttpRequest> request, int expected) {
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + maxTime.toNanos();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Samples mine = new Samples((int) Math.min(10_000_000, maxRequests));
            samples.add(mine);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    int status = send(request.apply(client));
                    if (status == expected) {
                        mine.add(System.nanoTime() - t0);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }, "load-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            join(thread);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] all = samples.stream().flatMapToLong(Samples::stream).toArray();
        return new Result(all.length, failures.get(), elapsed, Latencies.of(all));
    }

    /** One thread's durations; grows as needed, read only after the thread ended. */
    private static final class Samples {
        private long[] nanos;
        private int size;

        Samples(int expected) {
            nanos = new long[Math.max(16, Math.min(expected, 1 << 16))];
        }

        void add(long value) {
            if (size == nanos.length) {
                nanos = java.util.Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        java.util.stream.LongStream stream() {
            return java.util.Arrays.stream(nanos, 0, size);
        }
    }

    /** One request, its status (or -1 when the connection failed). */
    public int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public HttpResponse<String> get(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
