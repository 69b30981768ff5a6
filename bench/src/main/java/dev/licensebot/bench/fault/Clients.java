package dev.licensebot.bench.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load: each client opens a session with its own sessionId, heartbeats it and logs it out,
 * again and again, on the node of its number. It does what the README tells a platform to do:
 * a 503 or a lost answer is asked again, the same call, until it is answered otherwise.
 */
final class Clients {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Past the run's end a client still finishes its cycle, asking again this long at most. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final List<Integer> ports;
    private final String apiKey;
    private final Ledger ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile long giveUpAt = Long.MAX_VALUE;

    Clients(List<Integer> ports, String apiKey, Ledger ledger) {
        this.ports = ports;
        this.apiKey = apiKey;
        this.ledger = ledger;
    }

    void run(FaultHarness.Options options) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        long start = System.nanoTime();
        for (int c = 0; c < options.clients(); c++) {
            int client = c;
            pool.execute(() -> cycle(client));
        }
        if (options.fault() != null) {
            sleepUntil(start, options.faultAt());
            Shell.run(options.fault());
            if (options.recover() != null) {
                sleepUntil(start, options.recoverAt());
                Shell.run(options.recover());
            }
        }
        sleepUntil(start, options.length());
        running.set(false);
        giveUpAt = System.nanoTime() + GRACE.toNanos();
        pool.shutdown();
        if (!pool.awaitTermination(GRACE.toSeconds() + 30, TimeUnit.SECONDS)) {
            ledger.unexpected.add("clients still running " + GRACE.plusSeconds(30) + " after the end");
            pool.shutdownNow();
        }
    }

    private void cycle(int client) {
        int port = ports.get(client % ports.size());
        for (int round = 0; running.get(); round++) {
            String id = "fh-" + client + "-" + round;
            String path = "/api/v1/sessions/" + id;
            int opened = call(port, "POST", "/api/v1/sessions", "{\"sessionId\": \"" + id + "\", \"startedBy\": \"AGENT\"}");
            if (opened == 409) {
                ledger.refusedFull.incrementAndGet();
                pause(10);
                continue;
            }
            if (opened != 201 && opened != 200) {
                ledger.unexpected.add("open " + id + " answered " + opened);
                continue;
            }
            ledger.acknowledged.put(id, Ledger.State.OPEN);
            int beat = call(port, "POST", path + "/activity", "{}");
            if (beat != 200) {
                ledger.unexpected.add("heartbeat " + id + " answered " + beat);
            }
            int closed = call(port, "DELETE", path, null);
            if (closed == 204) {
                ledger.acknowledged.put(id, Ledger.State.CLOSED);
            } else {
                ledger.unexpected.add("logout " + id + " answered " + closed);
            }
        }
    }

    /** The call's final status: 503s and lost answers are asked again, as the README says. */
    private int call(int port, String method, String path, String body) {
        while (true) {
            ledger.requests.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + apiKey)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status != 503) {
                    if (status >= 500) {
                        ledger.unexpected.add(method + " " + path + ": " + status + " " + response.body());
                    }
                    return status;
                }
                ledger.unavailable.incrementAndGet();
                checkUnavailable(method, path, response);
            } catch (IOException e) {
                ledger.lostAnswers.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            if (System.nanoTime() > giveUpAt) {
                return 503;
            }
            pause(200);
        }
    }

    private void checkUnavailable(String method, String path, HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body());
            if (!"database_unavailable".equals(error.path("error").asText())
                    || response.headers().firstValue("Retry-After").isEmpty()) {
                ledger.unexpected.add(method + " " + path + ": 503 without database_unavailable and Retry-After: "
                        + response.body());
            }
        } catch (IOException e) {
            ledger.unexpected.add(method + " " + path + ": 503 not JSON: " + response.body());
        }
    }

    private static void sleepUntil(long start, Duration at) throws InterruptedException {
        long left = start + at.toNanos() - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
