package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * How the fake Slack refuses messages when a test tells it to: every message with one error, or the
 * next few showing an uploaded file, as Slack refuses a file it has not finished processing.
 */
final class FakeSlackRefusals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile String messageRefusal;
    private int slackFileRefusals;

    void messages(String error) {
        messageRefusal = error;
    }

    synchronized void slackFileImages(int count) {
        slackFileRefusals = count;
    }

    record Answer(int status, String body) {
    }

    /** How Slack would refuse this post, when told to; null to answer it as usual. */
    synchronized Answer refusal(String path, Map<String, String> form, String body) {
        boolean responseUrl = path.startsWith("/response/");
        boolean view = path.equals("/api/views.publish");
        if (!responseUrl && !view && !path.equals("/api/chat.postMessage") && !path.equals("/api/chat.update")) {
            return null;
        }
        if (messageRefusal != null) {
            return refused(responseUrl, messageRefusal, List.of());
        }
        JsonNode blocks = responseUrl ? FakeSlack.Call.parse(body).path("blocks")
                : view ? FakeSlack.Call.parse(form.get("view")).path("blocks")
                : form.containsKey("blocks") ? FakeSlack.Call.parse(form.get("blocks")) : JSON.createArrayNode();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).has("slack_file") && slackFileRefusals > 0) {
                slackFileRefusals--;
                String pointer = (view ? "/view/blocks/" : "/blocks/") + i + "/slack_file";
                return refused(responseUrl, view ? "invalid_arguments" : "invalid_blocks",
                        List.of("[ERROR] invalid slack file [json-pointer:" + pointer + "]"));
            }
        }
        return null;
    }

    private static Answer refused(boolean responseUrl, String error, List<String> details) {
        if (responseUrl) {
            return new Answer(400, error);
        }
        ObjectNode json = JSON.createObjectNode().put("ok", false).put("error", error);
        details.forEach(json.putArray("errors")::add);
        details.forEach(json.putObject("response_metadata").putArray("messages")::add);
        return new Answer(200, json.toString());
    }

}
