package dev.licensebot.slack.handler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text after {@code /licenses}, minus the Slack-only word "public" that shares the answer
 * with the channel (answers are only visible to the asker otherwise).
 */
record CommandText(String words, boolean shared) {

    static final String PUBLIC = "public";

    static CommandText of(String text) {
        List<String> tokens = text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
        List<String> kept = tokens.stream().filter(t -> !t.toLowerCase(Locale.ROOT).equals(PUBLIC)).toList();
        return new CommandText(String.join(" ", kept), kept.size() < tokens.size());
    }
}
