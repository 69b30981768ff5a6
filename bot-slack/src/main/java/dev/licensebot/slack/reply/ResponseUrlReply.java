package dev.licensebot.slack.reply;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.util.json.GsonFactory;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers through the interaction's response_url, which lets us answer after the 3-second ack.
 * Slack answers a refused post like an incoming webhook: an HTTP error status with the error code
 * as the whole body (400, "invalid_blocks"), and no detail.
 */
public record ResponseUrlReply(Slack slack, String responseUrl) implements Reply {

    /**
     * Serialises the answer. Bolt's own sender builds a new Gson for every post, and a new Gson
     * discovers Block Kit's classes by reflection again each time: that was most of the CPU of a
     * {@code /licenses active} answer (issue 7, B3). Gson is thread-safe, so one serves every reply.
     * It writes the JSON text at once, posted as is on the SDK's OkHttp client: the SDK's
     * {@code postJsonBody} would build yet another Gson to write it, even from a finished tree.
     */
    private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    @Override
    public void show(SlackMessage message) {
        send(message, false);
    }

    @Override
    public void replace(SlackMessage message) {
        send(message, true);
    }

    private void send(SlackMessage message, boolean replaceOriginal) {
        ActionResponse response = ActionResponse.builder()
                .responseType(message.responseType())
                .replaceOriginal(replaceOriginal)
                .text(message.text())
                .blocks(message.blocks())
                .build();
        int status;
        String body;
        Request post = new Request.Builder().url(responseUrl)
                .post(RequestBody.create(SNAKE_CASE.toJson(response), JSON)).build();
        try (Response answer = slack.getHttpClient().getOkHttpClient().newCall(post).execute()) {
            status = answer.code();
            ResponseBody content = answer.body();
            body = content == null ? "" : content.string();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not post to response_url", e);
        }
        if (status != 200) {
            throw new RefusedBySlack("response_url", body.trim(), List.of("HTTP " + status));
        }
    }
}
