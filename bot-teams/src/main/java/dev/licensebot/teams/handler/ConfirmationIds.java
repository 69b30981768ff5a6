package dev.licensebot.teams.handler;

import dev.licensebot.core.Refusal;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.Verbs;

/** The confirmation id a Confirm or Cancel button carries. */
final class ConfirmationIds {

    private ConfirmationIds() {
    }

    static String id(ActionData data) {
        return data.param(Verbs.CONFIRMATION).orElseThrow(() -> Refusal.notFound("confirmation",
                "That confirmation does not exist; nothing was done."));
    }
}
