package dev.licensebot.slack.reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps an answer from failing over its uploaded graphs. Slack finishes an upload after
 * files.completeUploadExternal has answered, so a message posted right after it may be refused for
 * its {@code slack_file} images (as may one showing a remembered file a workspace admin deleted
 * since). Then the files are forgotten, so the next answer uploads its graphs anew, and the same
 * message goes once more without them: the sparkline beside each graph still tells its story.
 * One retry at most: a refusal of the message without images is a refusal for another reason.
 */
public record SlackFileFallback(Reply inner, RefusedFiles refusedFiles) implements Reply {

    private static final Logger LOG = LoggerFactory.getLogger(SlackFileFallback.class);

    /** Where the ids of refused files go to be forgotten. */
    @FunctionalInterface
    public interface RefusedFiles {
        void forget(Set<String> fileIds);
    }

    @Override
    public void show(SlackMessage message) {
        send(message, inner::show);
    }

    @Override
    public void replace(SlackMessage message) {
        send(message, inner::replace);
    }

    private void send(SlackMessage message, Consumer<SlackMessage> post) {
        try {
            post.accept(message);
        } catch (RefusedBySlack refusal) {
            Set<String> fileIds = message.slackFileIds();
            if (fileIds.isEmpty() || !refusal.refusedTheBlocks()) {
                throw refusal;
            }
            refusedFiles.forget(fileIds);
            LOG.warn("Slack refused an answer showing the uploaded graph file(s) {} ({}): sent again without the "
                    + "graphs, and the files are forgotten so the next answer uploads them anew", fileIds,
                    refusal.getMessage());
            post.accept(message.withoutSlackFiles());
        }
    }
}
