package dev.licensebot.teams.turn;

import dev.licensebot.teams.card.WelcomeCard;

/** The bot was added to a chat or a team: a short welcome. Other members joining get nothing. */
public final class WelcomeTurn implements TurnHandler {

    @Override
    public void onTurn(Turn turn) {
        Incoming activity = turn.activity();
        if (activity.recipientId() != null && activity.membersAdded().contains(activity.recipientId())) {
            turn.sendCard(WelcomeCard.of());
        }
    }
}
