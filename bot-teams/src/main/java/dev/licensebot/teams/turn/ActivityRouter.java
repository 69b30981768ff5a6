package dev.licensebot.teams.turn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Hands each activity to the handler of its type; types nobody handles (typing, …) are let be. */
public final class ActivityRouter implements TurnHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityRouter.class);

    private final Map<String, TurnHandler> byType = new HashMap<>();

    public ActivityRouter on(String activityType, TurnHandler handler) {
        byType.put(activityType.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    @Override
    public void onTurn(Turn turn) {
        String type = turn.activity().type() == null ? "" : turn.activity().type().toLowerCase(Locale.ROOT);
        TurnHandler handler = byType.get(type);
        if (handler == null) {
            LOG.debug("Ignored a Teams activity of type {}", type);
            return;
        }
        handler.onTurn(turn);
    }
}
