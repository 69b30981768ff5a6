package dev.licensebot.core.confirm;

import dev.licensebot.core.access.Action;

/** The destructive actions that wait for Confirm or Cancel, with the permission each needs. */
public enum ConfirmAction {
    TERMINATE(Action.TERMINATE),
    REPLENISH(Action.REPLENISH);

    private final Action permission;

    ConfirmAction(Action permission) {
        this.permission = permission;
    }

    /** Checked when asked and again at Confirm: an admin demoted in between is refused. */
    public Action permission() {
        return permission;
    }
}
