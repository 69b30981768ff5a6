package dev.licensebot.server.cli;

import java.util.Optional;

/**
 * What a starting server tells the person who started it: {@code lines} may go to the logs, but
 * {@code secret} (the demo's API key) only to that person's terminal, never into a log that a
 * collector ships elsewhere.
 */
record Banner(String lines, Optional<String> secret) {

    static Banner of(String lines) {
        return new Banner(lines, Optional.empty());
    }
}
