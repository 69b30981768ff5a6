package dev.licensebot.teams.card;

/** The verbs of the bot's buttons, as they travel in Action.Execute and Action.Submit data. */
public final class Verbs {

    public static final String USAGE = "usage";
    public static final String ACTIVE = "active";
    public static final String HISTORY = "history";
    public static final String AUDIT = "audit";
    public static final String HELP = "help";
    public static final String TERMINATE_SELECTED = "terminateSelected";
    /** Confirm and Cancel of any change: the confirmation itself knows what it waits for. */
    public static final String CONFIRM = "confirm";
    public static final String CANCEL = "cancel";
    /** The verbs cards carried before Confirm and Cancel were shared; cards already sent still carry them. */
    public static final String CONFIRM_TERMINATION = "confirmTermination";
    public static final String CANCEL_TERMINATION = "cancelTermination";
    public static final String CONFIRM_REPLENISH = "confirmReplenish";
    public static final String CANCEL_REPLENISH = "cancelReplenish";

    /** Parameter names. */
    public static final String SORT = "sort";
    public static final String ORDER = "order";
    public static final String PAGE = "page";
    public static final String KIND = "kind";
    public static final String SINCE = "since";
    public static final String CONFIRMATION = "confirmationId";
    /** Row toggles of the Active Agents list are named select-0, select-1, …; their value is the session id. */
    public static final String SELECT_PREFIX = "select-";

    private Verbs() {
    }
}
