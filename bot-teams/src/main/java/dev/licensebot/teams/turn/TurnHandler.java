package dev.licensebot.teams.turn;

/** Answers an activity. Must not throw: it answers the user, and logs what went wrong. */
@FunctionalInterface
public interface TurnHandler {

    void onTurn(Turn turn);
}
