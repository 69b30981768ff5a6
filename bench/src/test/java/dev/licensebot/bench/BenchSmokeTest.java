package dev.licensebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.bench.alerts.AlertRoundRun;
import dev.licensebot.bench.alloc.AllocationRig;
import dev.licensebot.bench.chart.ChartBenchmark;
import dev.licensebot.bench.chart.ChartRenderRun;
import dev.licensebot.bench.server.ChatLatencyRun;
import dev.licensebot.bench.server.DayCloses;
import dev.licensebot.bench.server.JarRun;
import dev.licensebot.bench.server.ReadLatencyRun;
import dev.licensebot.bench.server.ServerRig;
import dev.licensebot.core.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the work of every benchmark once, on small data, and checks it did what it claims, so the
 * harness cannot rot between benchmark runs. Nothing here is timed or compared with a time.
 */
class BenchSmokeTest {

    private static BenchDatabase db;

    @BeforeAll
    static void database() {
        try {
            db = BenchDatabase.create();
        } catch (IllegalStateException e) {
            // As the other modules' MariaDB tests: required in CI, skipped loudly elsewhere.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("MariaDB unavailable, bench smoke test SKIPPED: " + e.getMessage());
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void alertRoundsEvaluateEveryWatchedTenantAndReportARow() {
        AlertRoundRun run = new AlertRoundRun(db);
        List<Tenant> watched = run.watch(List.of(), 3, 2);
        long history = run.grow(watched.get(0), 5, 1, 50);
        run.measure("smoke", watched, history, 1, 2);
        Report report = new Report();
        run.report(report);

        assertEquals(3, watched.size());
        assertTrue(history > 0, "history loaded");
        assertTrue(report.markdown().contains("| smoke | 3 |"), report::markdown);
    }

    @Test
    void allocationBodiesAllocateAndReleaseOneLicenseEach() throws SQLException {
        try (AllocationRig rig = AllocationRig.create(db, 2, 20, 3)) {
            assertTrue(rig.coreOpenAndLogout(), "the core allocated");
            assertTrue(rig.rawAllocateAndRelease(), "the baseline allocated");
            assertEquals(20, rig.coreInUse(), "logged out again: only the background is held");
            assertArrayEquals(new long[] {0, 20, 23}, rig.rawState(), "released again: rows, counter, total");
            assertTrue(rig.coreOpen() && rig.coreOpen() && rig.coreOpen(), "three free licenses");
            assertTrue(!rig.coreOpen(), "the fourth is refused: the pool is full");
        }
    }

    @Test
    void serverBodiesAnswerWithTheRealThing() throws Exception {
        try (ServerRig rig = ServerRig.start(db, ZoneId.of("Pacific/Auckland"), 1000)) {
            SessionLoader loader = new SessionLoader(db.dataSource());
            loader.open(rig.tenant().id(), "open", 30, Instant.now());
            long history = loader.history(rig.tenant().id(), ZoneId.of("Pacific/Auckland"), 0, 2, 48, Instant.now(), "h");
            assertTrue(history > 0 && history <= 96, "history rows: " + history);
            // Reads InnoDB's counters for at least one one-second window, and gives up at its limit.
            Duration waited = db.awaitWrittenBack(Duration.ofSeconds(3)).took();
            assertTrue(waited.toMillis() >= 1_000 && waited.toMillis() < 6_000, "waited " + waited);

            ZoneId zone = ZoneId.of("Pacific/Auckland");
            DayCloses.Result kept = DayCloses.run(rig.core(), zone, LocalDate.ofInstant(Instant.now(), zone).minusDays(1),
                    Instant.now());
            assertEquals(1, kept.closes(), "yesterday closed once");
            assertEquals(2, kept.computedDays(), "yesterday's peak of both pools, stored at its close: " + kept);
            int stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM daily_peak WHERE tenant_id = :t")
                    .bind("t", rig.tenant().id()).mapTo(Integer.class).one());
            assertEquals(2, stored, "nothing else was stored");

            ChatLatencyRun.once(rig);
            JsonNode usage = new ObjectMapper().readTree(ReadLatencyRun.once(rig, db));
            assertEquals(30, usage.path("session").path("inUse").asInt(), usage.toString());
            assertTrue(usage.path("session").path("dailyMax").asInt() >= 30, usage.toString());

            HttpLoad.Result beats = new HttpLoad().run(2, 10, Duration.ofSeconds(30),
                    client -> rig.heartbeat("open-" + client), 200);
            assertEquals(10, beats.requests(), "every heartbeat answered 200: " + beats);
        }
    }

    @Test
    void chartBodiesDrawThePictureTheSurfacesShow() throws Exception {
        ChartBenchmark bodies = new ChartBenchmark();
        bodies.setUp();
        try {
            assertEquals(30, bodies.figures().days().size(), "30 days of figures");
            BufferedImage chat = ImageIO.read(new ByteArrayInputStream(bodies.renderChatSize()));
            BufferedImage card = ImageIO.read(new ByteArrayInputStream(bodies.renderCardSize()));
            assertEquals(800, chat.getWidth());
            assertEquals(170, card.getHeight());
            assertArrayEquals(bodies.renderChatSize(), bodies.cachedChatSize().png(),
                    "the cache hands out the picture the renderer draws");
        } finally {
            bodies.tearDown();
        }
    }

    @Test
    void theChartSampleIsAPicture(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("usage-chart.png");
        ChartRenderRun.writeSample(sample);
        assertEquals(400, ImageIO.read(sample.toFile()).getHeight());
    }

    @Test
    void theRealJarStartsAndReportsItsMemory() {
        Path jar = Path.of("../server/target/licensebot.jar");
        // Built by the reactor before this module in `mvn verify`; absent in a test-only run.
        assumeTrue(Files.exists(jar), "no " + jar + " (run mvn package or verify)");
        Report report = new Report();
        new JarRun(jar, Path.of("../bin/licensebot"), null, db).startUp(report, 1);
        assertTrue(report.markdown().contains("MiB"), report.markdown());
    }
}
