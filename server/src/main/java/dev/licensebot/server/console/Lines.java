package dev.licensebot.server.console;

import java.util.ArrayList;
import java.util.List;

/** The lines of one answer, blank parts left out, joined with the platform's line break. */
final class Lines {

    private final List<String> lines = new ArrayList<>();

    Lines add(String text) {
        if (text != null && !text.isEmpty()) {
            lines.add(text);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines);
    }
}
