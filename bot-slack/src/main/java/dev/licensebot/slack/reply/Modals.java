package dev.licensebot.slack.reply;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Opens a modal with views.open, for the trigger_id of the interaction that asked for it. */
public final class Modals {

    private final MethodsClient client;

    public Modals(MethodsClient client) {
        this.client = client;
    }

    /** The trigger_id expires 3 seconds after the press, so this runs right after the ack. */
    public void open(String triggerId, View view) {
        ViewsOpenResponse response;
        try {
            response = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
        } catch (IOException e) {
            throw new UncheckedIOException("views.open failed", e);
        } catch (SlackApiException e) {
            throw new IllegalStateException("views.open failed: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new IllegalStateException("views.open answered " + response.getError());
        }
    }
}
