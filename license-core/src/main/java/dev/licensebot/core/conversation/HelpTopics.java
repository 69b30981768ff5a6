package dev.licensebot.core.conversation;

import dev.licensebot.core.access.Action;
import dev.licensebot.core.access.Actor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bot can do, in the words of DESIGN.md §5, with an example each. Shared by every chat
 * platform so Slack and Teams offer the same help; each shows only what the asker may do.
 */
public final class HelpTopics {

    /**
     * One thing to ask for: the words, what it answers in chat, what it answers where one can only
     * type (the console: no rows to tick), an example, and the permission it needs.
     */
    public record Topic(String words, String answer, String typedAnswer, String example, Action action) {

        Topic(String words, String answer, String example, Action action) {
            this(words, answer, answer, example, action);
        }
    }

    private static final List<Topic> ALL = List.of(
            new Topic("usage", "Both license pools: in use now, daily average, daily max and today's denials.",
                    "usage", Action.VIEW_USAGE),
            new Topic("active [sort agent|start|interactions] [asc|desc] [page N]",
                    "The agents connected now, with their open interactions; select rows to terminate them.",
                    "The agents connected now, with their session ids and open interactions; "
                            + "terminate them by id with terminate ID….",
                    "active sort interactions desc", Action.VIEW_ACTIVE_SESSIONS),
            new Topic("history users|sessions|purchases [since YYYY-MM-DD] [page N]",
                    "The user, session or purchase history, newest first.",
                    "history sessions since 2026-03-01", Action.VIEW_HISTORY),
            new Topic("audit [since YYYY-MM-DD] [page N]",
                    "Who terminated, replenished or changed roles, and every refused attempt, newest first.",
                    "audit since 2026-12-01", Action.VIEW_AUDIT),
            new Topic("digest", "The weekly digest: each pool's peak this week against its 30-day average and "
                    + "total, denials, the 30-day graph, a forecast and one line on sizing.", "digest",
                    Action.VIEW_DIGEST),
            new Topic("alerts [on|off] [digest DAY HH:MM]",
                    "Alerts before licenses run out, in the channel or chat where you type it: what is on, turn "
                            + "them on or off here, when the weekly digest comes.",
                    "What is on, where, the levels, and live and recent alerts.", "alerts on", Action.MANAGE_ALERTS),
            new Topic("alerts levels session|user P,P,P", "The usage levels at which alerts start and escalate.",
                    "alerts levels session 85,95,100", Action.SET_ALERT_LEVELS),
            new Topic("terminate ID…", "Closes those sessions after you confirm.", "terminate s-4f2a9c",
                    Action.TERMINATE),
            new Topic("replenish +N|-N session|user [reason]", "Adds or removes licenses after you confirm.",
                    "replenish +10 session PO 4711", Action.REPLENISH));

    private HelpTopics() {
    }

    /** The topics this person may use, in the order above. */
    public static List<Topic> forActor(Actor actor) {
        return ALL.stream().filter(t -> actor.may(t.action())).toList();
    }

    /** "I did not understand "foo" or "bar"." or null when every word was understood. */
    public static String notUnderstood(List<String> unknownWords) {
        if (unknownWords.isEmpty()) {
            return null;
        }
        return "I did not understand " + unknownWords.stream().map(w -> "\"" + w + "\"")
                .collect(Collectors.joining(" or ")) + ".";
    }
}
