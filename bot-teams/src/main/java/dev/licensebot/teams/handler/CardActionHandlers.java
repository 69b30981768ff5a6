package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.identity.Requester;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which handler answers which button verb: filled once by the wiring. */
public final class CardActionHandlers {

    private final Map<String, CardActionHandler> handlers = new HashMap<>();
    private final Set<String> views = new HashSet<>();

    public CardActionHandlers on(String verb, CardActionHandler handler) {
        handlers.put(verb, handler);
        return this;
    }

    /** A verb that only shows something, so Teams may run it by itself to refresh a card. */
    public CardActionHandlers view(String verb, CardActionHandler handler) {
        views.add(verb);
        return on(verb, handler);
    }

    public boolean isView(String verb) {
        return views.contains(verb);
    }

    public ObjectNode act(Requester who, ActionData data) {
        CardActionHandler handler = handlers.get(data.verb());
        if (handler == null) {
            throw Refusal.invalid("verb", "I do not know that button any more; please ask me again in words.");
        }
        return handler.act(who, data);
    }
}
