package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.Verbs;
import dev.licensebot.teams.card.ViewData;
import dev.licensebot.teams.identity.Requester;

import java.util.List;

/**
 * "Terminate selected" on the Active Agents list: the ticked rows' session ids go to the same
 * confirmation as typed ids; with none ticked, the list comes back saying so.
 */
public final class TerminateSelectedAction implements CardActionHandler {

    static final String NOTHING_SELECTED = "Tick the agents whose sessions should end, then press Terminate selected.";

    private final TerminateHandler terminate;
    private final ActiveAgentsHandler active;

    public TerminateSelectedAction(TerminateHandler terminate, ActiveAgentsHandler active) {
        this.terminate = terminate;
        this.active = active;
    }

    @Override
    public ObjectNode act(Requester who, ActionData data) {
        List<String> ids = data.paramsStartingWith(Verbs.SELECT_PREFIX).values().stream()
                .filter(id -> !id.isBlank() && !id.equals("false")).toList();
        if (ids.isEmpty()) {
            return active.answer(who, ViewData.active(data), NOTHING_SELECTED);
        }
        return terminate.answer(who, new LicenseRequest.Terminate(ids));
    }
}
