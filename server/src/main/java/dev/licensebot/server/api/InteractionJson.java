package dev.licensebot.server.api;

import dev.licensebot.core.sessions.OpenInteraction;

/** One open interaction, in and out: {"name": "Chat", "instances": 2}. */
public record InteractionJson(String name, Integer instances) {

    static InteractionJson of(OpenInteraction interaction) {
        return new InteractionJson(interaction.name(), interaction.instances());
    }
}
