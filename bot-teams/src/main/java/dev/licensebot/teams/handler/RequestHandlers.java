package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.identity.Requester;

import java.util.HashMap;
import java.util.Map;

/** Which handler answers which kind of request: filled once by the wiring. */
public final class RequestHandlers {

    private final Map<Class<? extends LicenseRequest>, RequestHandler<?>> handlers = new HashMap<>();

    public <R extends LicenseRequest> RequestHandlers on(Class<R> type, RequestHandler<R> handler) {
        handlers.put(type, handler);
        return this;
    }

    public ObjectNode answer(Requester who, LicenseRequest request) {
        return answerTyped(who, request);
    }

    @SuppressWarnings("unchecked")
    private <R extends LicenseRequest> ObjectNode answerTyped(Requester who, R request) {
        RequestHandler<R> handler = (RequestHandler<R>) handlers.get(request.getClass());
        if (handler == null) {
            throw new IllegalStateException("No Teams handler for " + request.getClass().getSimpleName());
        }
        return handler.answer(who, request);
    }
}
