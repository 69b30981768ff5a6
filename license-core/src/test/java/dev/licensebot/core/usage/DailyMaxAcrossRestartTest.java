package dev.licensebot.core.usage;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DatabaseUnavailable;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.OwnMariaDb;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, part 4, after a database restart (57 of 50): the database crashes under racing opens
 * and logouts and comes back. Calls in flight fail with their connections, calls that arrive
 * meanwhile wait for one with their clock already read, and the agents repeat what failed (opens
 * with their own session id, so a repeat is answered, not opened twice). A transaction is all or
 * nothing and the recovery keeps a prefix of the commit order, so the figures may still never
 * exceed what the pool held. Runs on a MariaDB of its own (port 3330), never the shared one.
 */
class DailyMaxAcrossRestartTest {

    private static final int PORT = 3330;
    private static final int LICENSES = 4;
    private static final int AGENTS = 12;

    @Test
    void aDatabaseCrashUnderRacingOpensAndLogoutsLeavesTheDailyMaxWithinWhatWasHeld() throws Exception {
        long seed = System.nanoTime();
        Clock clock = Clock.systemUTC();
        try (OwnMariaDb server = OwnMariaDb.start(PORT)) {
            TestDatabase db = server.database();
            Tenant tenant = TestCore.on(db).tenant("UTC", LICENSES, 0, Duration.ofMinutes(30));
            Instant began = clock.instant();
            AtomicInteger mostHeld = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            try (HikariDataSource nodeA = db.newPool(3); HikariDataSource nodeB = db.newPool(3)) {
                List<LicenseCore> nodes = List.of(new LicenseCore(Database.jdbiFor(nodeA), clock),
                        new LicenseCore(Database.jdbiFor(nodeB), clock));
                ExecutorService threads = Executors.newFixedThreadPool(AGENTS + 1);
                AtomicBoolean running = new AtomicBoolean(true);
                try {
                    List<Future<?>> tasks = new ArrayList<>();
                    tasks.add(threads.submit(() -> sample(db, tenant, new SplittableRandom(seed), running, mostHeld,
                            failed)));
                    for (int i = 0; i < AGENTS; i++) {
                        LicenseCore node = nodes.get(i % nodes.size());
                        SplittableRandom random = new SplittableRandom(seed + 1 + i);
                        String agent = "agent-" + i;
                        tasks.add(threads.submit(() -> work(node, tenant, agent, random, running, failed)));
                    }
                    Thread.sleep(1_500);
                    server.crashAndRestart(Duration.ofSeconds(2));
                    Thread.sleep(2_000);
                    running.set(false);
                    for (Future<?> task : tasks) {
                        task.get(90, TimeUnit.SECONDS);
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
            Instant ended = clock.instant();
            HeldInvariant.check(db, tenant);
            String run = "seed " + seed + ", " + failed.get() + " calls failed with the database";
            assertTrue(failed.get() > 0, "the crash cut calls in flight (" + run + ")");
            assertEquals(LICENSES, mostHeld.get(), "the race filled the pool (" + run + ")");
            int computed = DailyMaxRaceTest.dailyMax(db, tenant, began, ended);
            int swept = DailyMaxRaceTest.sweptFromScratch(db, tenant, began, ended);
            assertTrue(computed <= mostHeld.get(), "daily max " + computed + " of " + LICENSES + ", but the pool "
                    + "never held more than " + mostHeld.get() + " (" + run + ")");
            assertTrue(swept <= mostHeld.get(), "a sweep from scratch found " + swept + " (" + run + ")");
        }
    }

    /** Opens with its own session id and logs out, each repeated until the database answers. */
    private static void work(LicenseCore node, Tenant tenant, String agent, SplittableRandom random,
                             AtomicBoolean running, AtomicInteger failed) {
        while (running.get()) {
            String id = agent + "-" + random.nextLong(1L << 40);
            Boolean granted = untilAnswered(failed, () -> {
                try {
                    node.sessionLicenses().open(tenant, SessionReport.live(id, agent, "Web widget"));
                    return true;
                } catch (DatabaseUnavailable away) {
                    throw away;
                } catch (Refusal refusal) {
                    assertEquals("no_license_available", refusal.code());
                    return false;
                }
            });
            pause(random, granted ? 4 : 2);
            if (granted) {
                untilAnswered(failed, () -> node.sessionLicenses().logout(tenant, id));
            }
        }
    }

    private static <T> T untilAnswered(AtomicInteger failed, Supplier<T> call) {
        while (true) {
            try {
                return call.get();
            } catch (DatabaseUnavailable databaseAway) {
                failed.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            } catch (Refusal | AssertionError e) {
                throw e;
            } catch (RuntimeException databaseAway) {
                failed.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** As in DailyMaxRaceTest: held, read under the pool row's lock, which opens and logouts then wait for. */
    private static void sample(TestDatabase db, Tenant tenant, SplittableRandom random, AtomicBoolean running,
                               AtomicInteger mostHeld, AtomicInteger failed) {
        while (running.get()) {
            try {
                db.jdbi().useTransaction(h -> {
                    mostHeld.accumulateAndGet(DailyMaxRaceTest.lockPool(h, tenant), Math::max);
                    pause(random, 3);
                });
            } catch (RuntimeException databaseAway) {
                failed.incrementAndGet();
            }
            pause(random, 2);
        }
    }

    private static void pause(SplittableRandom random, int maxMillis) {
        LockSupport.parkNanos(random.nextLong(maxMillis * 1_000_000L + 1));
    }
}
