package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a button carries back: the verb and its parameters. The verb is repeated inside the data
 * so that an Action.Submit fallback, which has no verb of its own, arrives just as complete.
 */
public final class ActionData {

    public static final String VERB = "verb";

    private final String verb;
    private final Map<String, String> params;

    private ActionData(String verb, Map<String, String> params) {
        this.verb = verb;
        this.params = params;
    }

    public static ActionData of(Verb verb) {
        return new ActionData(verb.wire(), new LinkedHashMap<>());
    }

    /** Reads what Teams sent back: the action's data merged with the card's inputs. */
    public static Optional<ActionData> read(String verb, JsonNode data) {
        String effectiveVerb = verb != null && !verb.isBlank() ? verb : data.path(VERB).asText("");
        if (effectiveVerb.isBlank()) {
            return Optional.empty();
        }
        ActionData read = new ActionData(effectiveVerb, new LinkedHashMap<>());
        data.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(VERB) && field.getValue().isValueNode()) {
                read.params.put(field.getKey(), field.getValue().asText());
            }
        });
        return Optional.of(read);
    }

    /** Adds a parameter; null values are left out. */
    public ActionData with(Param name, Object value) {
        if (value != null) {
            params.put(name.wire(), String.valueOf(value));
        }
        return this;
    }

    /** The same parameters under another verb. */
    public ActionData as(Verb otherVerb) {
        return new ActionData(otherVerb.wire(), new LinkedHashMap<>(params));
    }

    /** The verb as sent; {@link Verb#of} says whether this bot knows it. */
    public String verb() {
        return verb;
    }

    public Optional<String> param(Param name) {
        return Optional.ofNullable(params.get(name.wire())).filter(v -> !v.isBlank());
    }

    /** The values of every parameter whose name starts with {@code prefix}'s, in the order they arrived. */
    public List<String> valuesStartingWith(Param prefix) {
        return params.entrySet().stream().filter(p -> p.getKey().startsWith(prefix.wire()))
                .map(Map.Entry::getValue).toList();
    }

    public ObjectNode toJson() {
        ObjectNode json = AdaptiveCard.JSON.objectNode().put(VERB, verb);
        params.forEach(json::put);
        return json;
    }
}
