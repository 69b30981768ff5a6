package dev.licensebot.teams.turn;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.Press;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.AlertCards;
import dev.licensebot.core.sessions.Terminations;
import dev.licensebot.teams.card.Param;
import dev.licensebot.teams.card.Verb;
import dev.licensebot.teams.card.ViewData;
import dev.licensebot.teams.identity.Requester;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What each inbound interaction asks the core's Conversation, registered once: words as typed, and
 * every card button by its verb. Views (usage, the active list with a sort or page, a history or
 * audit page, help, Refresh and the refresh block) ask again with the request their data stands
 * for; Terminate selected asks for the ticked sessions; Confirm and Cancel press the confirmation
 * they carry, whatever it waits for.
 */
public final class Questions {

    /** The verbs that only show something, so Teams may run them by itself to refresh a card. */
    private static final Set<Verb> VIEWS = EnumSet.of(Verb.USAGE, Verb.ACTIVE, Verb.HISTORY, Verb.AUDIT, Verb.HELP);

    /**
     * An answer, and a sentence to show above it (null: none).
     *
     * @param sentenceOnly the answer's sentence is the whole reply (an alert's button)
     */
    record Reply(Answer answer, String notice, boolean sentenceOnly) {

        Reply(Answer answer, String notice) {
            this(answer, notice, false);
        }

        static Reply of(Answer answer) {
            return new Reply(answer, null);
        }
    }

    private final Conversation conversation;
    private final Map<Verb, BiFunction<Requester, ActionData, Reply>> buttons = new EnumMap<>(Verb.class);

    public Questions(Conversation conversation) {
        this.conversation = conversation;
        VIEWS.forEach(verb -> buttons.put(verb, this::show));
        buttons.put(Verb.TERMINATE_SELECTED, this::terminateSelected);
        Map<Verb, Function<String, Press>> presses = Map.of(
                Verb.CONFIRM, Press.Confirm::new, Verb.CONFIRM_TERMINATION, Press.Confirm::new,
                Verb.CONFIRM_REPLENISH, Press.Confirm::new, Verb.CANCEL, Press.Cancel::new,
                Verb.CANCEL_TERMINATION, Press.Cancel::new, Verb.CANCEL_REPLENISH, Press.Cancel::new);
        presses.forEach((verb, press) -> buttons.put(verb, (who, data) ->
                Reply.of(conversation.press(who.caller(), press.apply(confirmationId(data))))));
    }

    /** {@code here}: where the words were typed ("alerts on" is about it); null where alerts cannot go. */
    Reply words(Requester who, AlertPlace here, String text) {
        return Reply.of(conversation.answer(who.caller(), here, text));
    }

    /** {@code automatic}: Teams runs refresh actions by itself; they may show, never act. */
    Reply button(Requester who, AlertPlace here, ActionData data, boolean automatic) {
        Verb verb = Verb.of(data.verb()).orElseThrow(() -> Refusal.invalid("verb",
                "I do not know that button any more; please ask me again in words."));
        if (automatic && !VIEWS.contains(verb)) {
            throw Refusal.invalid("verb", "A card refresh cannot confirm anything; nothing was done.");
        }
        if (verb == Verb.ALERT) {
            return alert(who, here, data);
        }
        return buttons.get(verb).apply(who, data);
    }

    /**
     * Acknowledge or Snooze on an alert: answered with the sentence alone, as a new message; the
     * alert's own card shows the change when the core delivers it, for everyone in the chat.
     */
    private Reply alert(Requester who, AlertPlace here, ActionData data) {
        AlertsChange.Press press = AlertCards.press(data);
        return new Reply(conversation.answer(who.caller(), here, new LicenseRequest.Alerts(press)), null, true);
    }

    private Reply show(Requester who, ActionData data) {
        LicenseRequest request = ViewData.request(data)
                .orElseThrow(() -> new IllegalArgumentException("Not a view: " + data.verb()));
        return Reply.of(conversation.answer(who.caller(), request));
    }

    /** The ticked rows' session ids go to the same confirmation as typed ids; with none, the list says so. */
    private Reply terminateSelected(Requester who, ActionData data) {
        List<String> ids = data.valuesStartingWith(Param.SELECT).stream()
                .filter(id -> !id.isBlank() && !id.equals("false")).toList();
        if (ids.isEmpty()) {
            return new Reply(conversation.answer(who.caller(), ViewData.active(data)), Terminations.NOTHING_SELECTED);
        }
        return Reply.of(conversation.answer(who.caller(), new LicenseRequest.Terminate(ids)));
    }

    private static String confirmationId(ActionData data) {
        return data.param(Param.CONFIRMATION).orElseThrow(() -> Refusal.notFound("confirmation",
                "That confirmation does not exist; nothing was done."));
    }
}
