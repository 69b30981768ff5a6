package dev.licensebot.bench.fault;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs a fault or recovery command (bash -c), its output on ours, and waits for it. */
final class Shell {

    private Shell() {
    }

    static void run(String command) throws IOException, InterruptedException {
        System.out.println("[harness] " + command);
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("Failed: " + command);
        }
    }
}
