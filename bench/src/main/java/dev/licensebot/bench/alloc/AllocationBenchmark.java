package dev.licensebot.bench.alloc;

import dev.licensebot.bench.BenchDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * B1 in JMH: session allocations per second through the core (open, then logout so the pool
 * never fills) against the raw-JDBC baseline (allocate, release), with as many JMH threads as
 * concurrent clients. The database is the one {@code BenchMain} created ({@code -Dbench.db}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class AllocationBenchmark {

    /** Sessions already open in the tenant: the core counts them on every allocation. */
    @Param({"5000"})
    public int background;

    private BenchDatabase db;
    private AllocationRig rig;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        db = BenchDatabase.attach(System.getProperty("bench.db"));
        rig = AllocationRig.create(db, params.getThreads(), background, params.getThreads() + 1);
    }

    @Benchmark
    public boolean core() {
        return rig.coreOpenAndLogout();
    }

    @Benchmark
    public boolean rawJdbc() throws SQLException {
        return rig.rawAllocateAndRelease();
    }

    /** Every session was logged out: only the background is still held, on both sides. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        int coreHeld = rig.coreInUse();
        long[] raw = rig.rawState();
        rig.close();
        db.close();
        if (coreHeld != background || raw[1] != background || raw[0] != 0) {
            throw new IllegalStateException("B1 left licenses held: core " + coreHeld + ", raw counter " + raw[1]
                    + ", raw rows " + raw[0] + " (expected " + background + ", " + background + ", 0)");
        }
    }
}
