package dev.licensebot.teams.turn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TeamsIncomingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Incoming read(String json) throws Exception {
        return Incoming.from(JSON.readTree(json));
    }

    @Test
    void theTenantComesFromChannelDataFirstThenFromTheConversation() throws Exception {
        assertEquals("from-channel-data", read("{\"channelData\":{\"tenant\":{\"id\":\"from-channel-data\"}},"
                + "\"conversation\":{\"tenantId\":\"from-conversation\"}}").entraTenant());
        assertEquals("from-conversation", read("{\"conversation\":{\"tenantId\":\"from-conversation\"}}")
                .entraTenant());
        assertNull(read("{\"type\":\"message\"}").entraTenant());
    }

    @Test
    void aConversationUpdateNamesTheMembersAdded() throws Exception {
        Incoming update = read("{\"type\":\"conversationUpdate\",\"recipient\":{\"id\":\"28:bot\"},"
                + "\"membersAdded\":[{\"id\":\"28:bot\"},{\"id\":\"29:ann\"}]}");
        assertEquals(List.of("28:bot", "29:ann"), update.membersAdded());
        assertEquals("28:bot", update.recipientId());
    }

    @Test
    void aMessageWithoutValueHasAMissingValue() throws Exception {
        Incoming message = read("{\"type\":\"message\",\"text\":\"usage\",\"from\":{\"id\":\"29:ann\"}}");
        assertEquals("usage", message.text());
        assertEquals("29:ann", message.fromId());
        assertEquals(true, message.value().isMissingNode());
    }

    @Test
    void alertsGoToTheChannelOfAThreadNamedAsTeamsNamesIt() throws Exception {
        Incoming inThread = read("{\"type\":\"message\",\"conversation\":{\"id\":\"19:c@thread.tacv2;messageid=17\","
                + "\"tenantId\":\"entra-1\",\"name\":\"ignored for a channel\"},"
                + "\"channelData\":{\"team\":{\"id\":\"19:t@thread.tacv2\"},\"channel\":{\"name\":\"Support\"}}}");
        Incoming group = read("{\"type\":\"message\",\"conversation\":{\"id\":\"19:g@thread.v2\","
                + "\"tenantId\":\"entra-1\",\"name\":\"Ops\"}}");

        assertEquals(new AlertPlace(Surface.TEAMS, "entra-1", "19:c@thread.tacv2", "Support"),
                AlertPlaces.of(inThread));
        assertEquals(new AlertPlace(Surface.TEAMS, "entra-1", "19:g@thread.v2", "Ops"), AlertPlaces.of(group));
        assertNull(AlertPlaces.of(read("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"}}")),
                "no organization, no place for alerts");
    }
}
