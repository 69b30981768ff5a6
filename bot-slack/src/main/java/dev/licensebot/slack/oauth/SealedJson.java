package dev.licensebot.slack.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.licensebot.core.secrets.SecretBox;

/**
 * A Bolt model (bot or installer, tokens and all) as one sealed JSON value: nothing of it, not
 * even which scopes it holds, is readable in the database without the key.
 */
record SealedJson(SecretBox box) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    String seal(String purpose, Object model) {
        try {
            return box.seal(purpose, JSON.writeValueAsString(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a Slack installation as JSON", e);
        }
    }

    <T> T open(String purpose, String sealed, Class<T> type) {
        try {
            return JSON.readValue(box.open(purpose, sealed), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored Slack installation is not the JSON it was sealed as", e);
        }
    }
}
