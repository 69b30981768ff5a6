package dev.licensebot.core.tenant;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys are found by their stored hash: it must stay the hex SHA-256 of the key, on every thread. */
class ApiKeysTest {

    /** SHA-256("lb_test") in hex, computed outside Java. */
    private static final String LB_TEST = "3d469e324ee8a7f5b2e8387cf3b1ec5f2dcc2651b0ec9589f7d06de0fb873c11";

    @Test
    void theHashOfAKeyIsItsHexSha256EveryTime() {
        assertEquals(LB_TEST, ApiKeys.hash("lb_test"));
        ApiKeys.hash("another key, hashed in between");
        assertEquals(LB_TEST, ApiKeys.hash("lb_test"));
    }

    @Test
    void threadsHashingAtOnceEachGetTheRightHash() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = i % 2 == 0 ? "lb_test" : "other-" + i;
                hashes.add(threads.submit(() -> ApiKeys.hash(key)));
            }
            for (int i = 0; i < hashes.size(); i += 2) {
                assertEquals(LB_TEST, hashes.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
