package dev.licensebot.slack.reply;

import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.ErrorResponseMetadata;

import java.util.List;
import java.util.Set;

/**
 * Slack answered a post with a refusal: which call, Slack's error code ("invalid_blocks") and its
 * detail lines where it gives any (the Web API does, in response_metadata; a response_url answers
 * with the code alone). Thrown by the replies so that the one layer deciding what to do about a
 * refusal ({@link SlackFileFallback}) reads Slack's own fields, never the text of a message.
 */
public final class RefusedBySlack extends RuntimeException {

    /**
     * The codes for "these blocks cannot be shown": messages say invalid_blocks; views.publish
     * documents invalid_arguments for the same. An image whose slack_file Slack has not finished
     * processing, or that was deleted, is refused with one of them.
     */
    private static final Set<String> BLOCKS_REFUSED = Set.of("invalid_blocks", "invalid_arguments");

    private final String error;

    public RefusedBySlack(String call, String error, List<String> details) {
        super(call + " answered " + error + (details.isEmpty() ? "" : " " + details));
        this.error = error;
    }

    /** A Web API method's ok:false answer, with the detail lines of its response_metadata. */
    static RefusedBySlack of(String method, SlackApiTextResponse response, ErrorResponseMetadata metadata) {
        List<String> details = metadata == null || metadata.getMessages() == null ? List.of() : metadata.getMessages();
        return new RefusedBySlack(method, response.getError(), details);
    }

    public String error() {
        return error;
    }

    /** Whether Slack refused the blocks themselves, rather than the destination, the token or the rate. */
    public boolean refusedTheBlocks() {
        return error != null && BLOCKS_REFUSED.contains(error);
    }
}
