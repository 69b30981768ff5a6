package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sent when the bot is added to a chat or team: what it is and what to say to it. */
public final class WelcomeCard {

    private WelcomeCard() {
    }

    public static ObjectNode of() {
        return AdaptiveCard.titled("Hi, I am licensebot")
                .add(Elements.heading("Hi, I am licensebot"))
                .add(Elements.text("I watch your contact centre's licenses. Ask me in plain words:"))
                .add(Elements.text("- **usage**: both license pools, in use now and over 30 days\n"
                        + "- **active agents** (or **who is online**): who holds a session license, to terminate\n"
                        + "- **history sessions**, **history users**, **purchase history**\n"
                        + "- **replenish +10 session licenses because …** (advanced admins)\n"
                        + "- **help**: everything else"))
                .add(Elements.subtle("In a channel, mention me first: @licensebot usage."))
                .action(Actions.execute("Usage", ViewData.usage()))
                .action(Actions.execute("Help", ViewData.help()))
                .build();
    }
}
