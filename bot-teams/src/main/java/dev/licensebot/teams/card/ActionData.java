package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
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

    public static ActionData of(String verb) {
        return new ActionData(verb, new LinkedHashMap<>());
    }

    /** Reads what Teams sent back: the action's data merged with the card's inputs. */
    public static Optional<ActionData> read(String verb, JsonNode data) {
        String effectiveVerb = verb != null && !verb.isBlank() ? verb : data.path(VERB).asText("");
        if (effectiveVerb.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(VERB) && field.getValue().isValueNode()) {
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        return Optional.of(new ActionData(effectiveVerb, params));
    }

    /** Adds a parameter; null values are left out. */
    public ActionData with(String name, Object value) {
        if (value != null) {
            params.put(name, String.valueOf(value));
        }
        return this;
    }

    /** The same parameters under another verb. */
    public ActionData as(String otherVerb) {
        return new ActionData(otherVerb, new LinkedHashMap<>(params));
    }

    public String verb() {
        return verb;
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank());
    }

    /** Every parameter whose name starts with {@code prefix}, in the order they arrived. */
    public Map<String, String> paramsStartingWith(String prefix) {
        Map<String, String> matching = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                matching.put(name, value);
            }
        });
        return matching;
    }

    public ObjectNode toJson() {
        ObjectNode json = AdaptiveCard.JSON.objectNode();
        json.put(VERB, verb);
        params.forEach(json::put);
        return json;
    }
}
