package dev.licensebot.core.access;

/** Everything that needs a permission, with the lowest role allowed to do it (DESIGN.md §4). */
public enum Action {
    VIEW_USAGE(Role.SUPERVISOR, "see license usage"),
    VIEW_ACTIVE_SESSIONS(Role.ACCOUNT_ADMIN, "see active agents"),
    VIEW_HISTORY(Role.ACCOUNT_ADMIN, "browse histories"),
    VIEW_AUDIT(Role.ACCOUNT_ADMIN, "read the audit log"),
    VIEW_DIGEST(Role.ACCOUNT_ADMIN, "read the weekly digest"),
    TERMINATE(Role.ACCOUNT_ADMIN, "terminate sessions"),
    MANAGE_ALERTS(Role.ACCOUNT_ADMIN, "manage alerts"),
    SET_ALERT_LEVELS(Role.ADVANCED_ADMIN, "change alert levels"),
    REPLENISH(Role.ADVANCED_ADMIN, "replenish licenses");

    private final Role lowestRole;
    private final String description;

    Action(Role lowestRole, String description) {
        this.lowestRole = lowestRole;
        this.description = description;
    }

    public Role lowestRole() {
        return lowestRole;
    }

    /** "terminate sessions", to complete "you cannot …". */
    public String description() {
        return description;
    }
}
