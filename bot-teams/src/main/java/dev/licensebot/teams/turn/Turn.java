package dev.licensebot.teams.turn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * One incoming activity and the ways to answer it. The transport implements it over the Bot
 * Framework SDK; everything else sees only this.
 */
public interface Turn {

    Incoming activity();

    /** The Teams member lookup for this conversation; empty when Teams does not know the member. */
    Optional<MemberProfile> member(String userId);

    /** Sends a message with this Adaptive Card into the conversation. */
    void sendCard(ObjectNode card);

    void sendText(String text);

    /** The HTTP answer to an invoke activity. */
    void answerInvoke(int status, JsonNode body);
}
