package dev.licensebot.core.conversation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Links from conversation counts to the platform's Conversation History (CONVERSATION_HISTORY_URL,
 * e.g. {@code https://console.example/conversations?user={userId}}). A template without the
 * placeholder a row needs gives no link, and without a template counts stay plain numbers.
 */
public final class ConversationLinks {

    public static final String USER_ID = "{userId}";
    public static final String SESSION_ID = "{sessionId}";

    private final String template;

    private ConversationLinks(String template) {
        this.template = template == null || template.isBlank() ? null : template.trim();
    }

    public static ConversationLinks of(String template) {
        return new ConversationLinks(template);
    }

    public static ConversationLinks none() {
        return new ConversationLinks(null);
    }

    public Optional<String> forUser(String userId) {
        return expand(USER_ID, userId, SESSION_ID);
    }

    public Optional<String> forSession(String sessionId) {
        return expand(SESSION_ID, sessionId, USER_ID);
    }

    private Optional<String> expand(String placeholder, String id, String other) {
        if (template == null || id == null || id.isBlank() || !template.contains(placeholder)) {
            return Optional.empty();
        }
        // Ids come from the platform: encoded so none can change the link's meaning.
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return Optional.of(template.replace(placeholder, encoded).replace(other, ""));
    }
}
