package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels of the fake Slack: chat.postMessage, chat.update and conversations.info, each post
 * with its own ts, and the troubles a test sets up (the bot not a member, an archived or vanished
 * channel, a deleted message).
 */
final class FakeSlackChannels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> withoutBot = ConcurrentHashMap.newKeySet();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Set<String> deletedMessagesIn = ConcurrentHashMap.newKeySet();
    private final AtomicLong posted = new AtomicLong();
    private final Map<String, List<String>> tsByChannel = new ConcurrentHashMap<>();

    void withoutBot(String channelId) {
        withoutBot.add(channelId);
    }

    /** Every channel call in this channel answers ok:false with {@code error}; null: as usual again. */
    void error(String channelId, String error) {
        if (error == null) {
            errors.remove(channelId);
        } else {
            errors.put(channelId, error);
        }
    }

    void deleteMessagesIn(String channelId) {
        deletedMessagesIn.add(channelId);
    }

    List<String> tsPostedIn(String channelId) {
        return List.copyOf(tsByChannel.getOrDefault(channelId, List.of()));
    }

    /** A channel's message or its info, for the Web API {@code path}. */
    ObjectNode answer(String path, Map<String, String> form) {
        ObjectNode json = JSON.createObjectNode();
        String channel = form.get("channel");
        String error = channel == null ? "channel_not_found" : errors.get(channel);
        if (error == null && path.equals("/api/chat.update") && deletedMessagesIn.contains(channel)) {
            error = "message_not_found";
        }
        if (error == null && path.equals("/api/conversations.info") && channel.startsWith("D")) {
            // The bot's scopes (channels:read, groups:read) do not cover direct messages, as in Slack.
            return json.put("ok", false).put("error", "missing_scope").put("needed", "im:read")
                    .put("provided", "channels:read,groups:read");
        }
        if (error != null) {
            json.put("ok", false).put("error", error);
            if (error.equals("missing_scope")) {
                json.put("needed", "channels:read").put("provided", "commands,chat:write");
            }
            return json;
        }
        json.put("ok", true);
        switch (path) {
            case "/api/chat.postMessage" -> json.put("channel", channel).put("ts", post(channel));
            case "/api/chat.update" -> json.put("channel", channel).put("ts", form.get("ts"));
            default -> json.putObject("channel").put("id", channel).put("name", "ops").put("is_channel", true)
                    .put("is_archived", false).put("is_member", !withoutBot.contains(channel));
        }
        return json;
    }

    private String post(String channel) {
        String ts = "1773130000." + String.format("%06d", posted.incrementAndGet());
        tsByChannel.computeIfAbsent(channel, c -> Collections.synchronizedList(new ArrayList<>())).add(ts);
        return ts;
    }
}
