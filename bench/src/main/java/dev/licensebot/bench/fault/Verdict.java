package dev.licensebot.bench.fault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks after a run, and its table row. */
record Verdict(String row, List<String> problems) {

    static Verdict check(FaultHarness.Options options, Ledger ledger, Sampler sampler, RetryCount retries,
                         String tenantId) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Map<String, Boolean> open = new HashMap<>();
        int lost = 0;
        try (Connection c = awaitDatabase(options.urls().get(0))) {
            sampler.read(c);
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT id, ended_at IS NULL FROM agent_session WHERE tenant_id = ?")) {
                read.setString(1, tenantId);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        open.put(rows.getString(1), rows.getBoolean(2));
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("the database could not be read after the run: " + e.getMessage());
        }
        for (Map.Entry<String, Ledger.State> told : ledger.acknowledged.entrySet()) {
            Boolean isOpen = open.get(told.getKey());
            boolean kept = isOpen != null && isOpen == (told.getValue() == Ledger.State.OPEN);
            if (!kept) {
                lost++;
                problems.add("session " + told.getKey() + " acknowledged " + told.getValue() + " but is "
                        + (isOpen == null ? "missing" : isOpen ? "open" : "closed"));
            }
        }
        problems.addAll(ledger.unexpected.stream().limit(20).toList());
        if (ledger.unexpected.size() > 20) {
            problems.add((ledger.unexpected.size() - 20) + " more unexpected answers");
        }
        sampler.violations.stream().limit(20).forEach(v -> problems.add("pool reading: " + v));
        long serverErrors = ledger.unexpected.stream().filter(u -> u.matches(".*: 5\\d\\d .*")).count();
        String row = String.format("| %s | %d | %d | %d | %d (%d given up) | %d | %d / %d | %d | %d | %d |",
                options.name(), ledger.requests.get(), ledger.unavailable.get(), ledger.lostAnswers.get(),
                retries.retried.get(), retries.givenUp.get(), ledger.refusedFull.get(), sampler.maxHeld.get(),
                sampler.total.get(), sampler.violations.size(), lost, serverErrors);
        return new Verdict(row, problems);
    }

    /** After a fault the database may still be coming back: a minute to answer. */
    private static Connection awaitDatabase(String url) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return Sampler.connect(url);
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
