package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One history entry: a bold title line and its facts, set off from the one above. */
final class Rows {

    /** Long enough for any id, email or name people read; past it a value is cut with "…". */
    static final int VALUE_LENGTH = 120;

    private Rows() {
    }

    static ObjectNode row(String title, List<Elements.Fact> facts) {
        return Elements.separated(Elements.container(List.of(Elements.text(title), Elements.facts(facts))));
    }

    /** Adds the fact unless the value is missing; values are platform data, so escaped and cut. */
    static void fact(List<Elements.Fact> facts, String title, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Elements.Fact(title, Text.plain(value, VALUE_LENGTH)));
        }
    }
}
