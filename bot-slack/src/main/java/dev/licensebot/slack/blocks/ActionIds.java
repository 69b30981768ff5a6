package dev.licensebot.slack.blocks;

import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;

import java.util.Locale;

/** The action ids the bot puts on its buttons; each one has exactly one handler (Confirm and Cancel share theirs). */
public final class ActionIds {

    public static final String USAGE_REFRESH = "usage_refresh";
    public static final String SHOW_ACTIVE = "active_show";
    public static final String ACTIVE_PREVIOUS = "active_previous";
    public static final String ACTIVE_NEXT = "active_next";
    public static final String ACTIVE_REFRESH = "active_refresh";
    public static final String ACTIVE_SORT = "active_sort";
    public static final String ACTIVE_SELECT = "active_select";
    public static final String TERMINATE_SELECTED = "active_terminate";
    public static final String TERMINATE_CONFIRM = "terminate_confirm";
    public static final String TERMINATE_CANCEL = "terminate_cancel";
    public static final String SHOW_HISTORY = "history_show";
    public static final String HISTORY_PREVIOUS = "history_previous";
    public static final String HISTORY_NEXT = "history_next";
    public static final String AUDIT_PREVIOUS = "audit_previous";
    public static final String AUDIT_NEXT = "audit_next";
    public static final String REPLENISH_OPEN = "replenish_open";
    public static final String REPLENISH_CONFIRM = "replenish_confirm";
    public static final String REPLENISH_CANCEL = "replenish_cancel";
    public static final String HOME_REFRESH = "home_refresh";
    /** Active agents on an alert's message: the list, as /licenses active shows it. */
    public static final String ALERT_ACTIVE = "alert_active";

    /** The buttons that switch a history message to another history, in place: "history_users". */
    public static String historyKind(HistoryKind kind) {
        return "history_" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** The buttons of an alert's message: "alert_acknowledge", "alert_snooze_hour", "alert_snooze_tomorrow". */
    public static String alert(IncidentAction action) {
        return "alert_" + action.name().toLowerCase(Locale.ROOT);
    }

    /** The block holding the row checkboxes, where Terminate selected reads the selection. */
    public static final String SELECTION_BLOCK = "active_selection";

    private ActionIds() {
    }
}
