package dev.licensebot.server.fuzz;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 21 part 7: random and hostile requests to every route of the real server over real HTTP
 * (the REST API, /slack/events signed and not, /api/messages, chart links, /metrics, /healthz,
 * /readyz, pages, nowhere), one after another from one seed. Every answer must come, in time,
 * below 500, errors in the JSON error shape, with no Java class or package name in it; afterwards
 * every pool holds exactly its open sessions.
 * <p>
 * The build runs one fixed seed, so that a red build is always the code's doing and can be
 * replayed; {@code -Dfuzz.seed=random} explores a new one each run (a failure names it), {@code
 * -Dfuzz.seed=<seed>} replays one, {@code -Dfuzz.requests=20000} runs longer.
 */
class HostileInputFuzzTest {

    private static final long SEED = seed(System.getProperty("fuzz.seed", "20261207"));
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 700);
    private static final int EXAMPLES = Integer.getInteger("fuzz.examples", 3);

    @OnBothDatabases
    void hostileRequestsToEveryRouteGetAnOrderlyAnswer(TestDatabase db) {
        String replay = "-Dfuzz.seed=" + SEED + " -Dfuzz.requests=" + REQUESTS;
        System.out.println("HostileInputFuzzTest on " + db + ": " + replay);
        Tally tally = new Tally(EXAMPLES);
        try (FuzzServer server = new FuzzServer(db)) {
            Hostile h = new Hostile(SEED);
            RawHttp http = new RawHttp(server.port(), 15_000);
            List<Supplier<RawHttp.Request>> surfaces = List.of(new RestRequests(h, server)::next,
                    new SlackRequests(h, server)::next, new TeamsRequests(h, server)::next,
                    new OpsRequests(h, server)::next);
            List<String> names = List.of("REST", "Slack", "Teams", "other");
            for (int i = 0; i < REQUESTS; i++) {
                double pick = h.random.nextDouble();
                int surface = pick < 0.45 ? 0 : pick < 0.65 ? 1 : pick < 0.85 ? 2 : 3;
                RawHttp.Request request = surfaces.get(surface).get();
                long started = System.nanoTime();
                RawHttp.Reply reply = http.send(request);
                tally.record(new Verdict.Exchange(names.get(surface), request, reply),
                        (System.nanoTime() - started) / 1_000_000);
                if (h.chance(0.003)) {
                    // Now and then sessions lapse, so heartbeats, logouts and terminations meet ended ones too.
                    server.clock.advance(Duration.ofMinutes(h.between(1, 45)));
                }
            }
            // Stopped first, so Slack answers still being worked on are done before the pools are counted.
            server.stop();
            server.assertPoolsConsistent();
        }
        tally.print();
        if (tally.failed()) {
            fail(tally.report(db.toString(), replay));
        }
    }

    private static long seed(String property) {
        return property.equals("random") ? new SecureRandom().nextLong() : Long.parseLong(property);
    }
}
