package dev.licensebot.teams.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * The JSON of every Bot Connector call: the SDK's settings (dates as text, nulls left out, fields
 * read directly, Java time and Optional modules), without its flattening serializer.
 *
 * <p>That serializer is AutoRest's, for models whose property names hold dots ({@code
 * "properties.name"}) to be written as nested objects. The Bot Framework's models have none, yet it
 * wraps every bean: for each activity sent it walks the whole object graph by reflection, card
 * included, copies it into a tree, and matches every field name of that tree against a regular
 * expression compiled on the spot. For the Active Agents card that was a third to a half of the
 * CPU of a Teams answer (issue 7, B3). For the bot's activities a plain write gives the same bytes
 * ({@code ConnectorJsonTest}); only a dotted key inside a card, which the SDK rewrote into nested
 * objects, now goes out as it was built.
 */
final class ConnectorJson extends JacksonAdapter {

    /** Built from the SDK's plain mapper, so its settings are the SDK's own, whatever version. */
    private final ObjectMapper mapper = simpleMapper().copy();

    @Override
    public ObjectMapper serializer() {
        return mapper;
    }
}
