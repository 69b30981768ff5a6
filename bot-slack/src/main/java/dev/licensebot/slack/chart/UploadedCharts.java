package dev.licensebot.slack.chart;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import dev.licensebot.core.usage.UsageTrend;
import dev.licensebot.core.usage.chart.ChartSize;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.core.usage.chart.UsageCharts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The graph uploaded to Slack as a file of the bot's, for a server Slack cannot reach (no
 * PUBLIC_URL). files.uploadV2 (files.getUploadURLExternal, the bytes to the upload URL it hands out,
 * files.completeUploadExternal; scope files:write) with no channel: the file stays private to the
 * bot, is shared nowhere and posts no message of its own. An image block may still show it through
 * {@code slack_file}: Slack only requires that whoever posts the blocks, the bot here, can access
 * the file.
 * <p>
 * Uploads are remembered per tenant by a hash of the PNG, so an unchanged graph is uploaded once
 * and its file reused by every later answer and Home tab, whoever asks; a changed figure draws a
 * new picture with a new hash, hence a new upload. Files are never deleted: messages already posted
 * keep showing them. The memory is per node and bounded; forgetting only costs one more upload.
 * A file Slack refuses to show is forgotten at once ({@link #forget}).
 */
public final class UploadedCharts implements ChartImages {

    private static final Logger LOG = LoggerFactory.getLogger(UploadedCharts.class);
    /** Two pools per tenant, a few versions of each a day: plenty for many tenants, a few KB of ids. */
    static final int CAPACITY = 256;
    /**
     * After a failed upload (missing files:write, Slack unreachable) answers go without graphs for a
     * while instead of each paying a failing round trip and logging the same warning again.
     */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(10);

    private final UsageCharts charts;
    private final MethodsClient client;
    private final Clock clock;
    private final Map<Key, String> fileIds = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CAPACITY;
        }
    };
    private volatile Instant pausedUntil = Instant.MIN;

    public UploadedCharts(UsageCharts charts, MethodsClient client, Clock clock) {
        this.charts = charts;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public Optional<ImageBlock> image(UsageTrend trend, String altText) {
        if (clock.instant().isBefore(pausedUntil)) {
            return Optional.empty();
        }
        byte[] png = charts.render(trend, ChartSize.CHAT).png();
        // The tenant is part of the key so that no tenant's answer ever points at another's file.
        Key key = new Key(trend.tenantId(), sha256(png));
        String known;
        synchronized (fileIds) {
            known = fileIds.get(key);
        }
        // Uploaded outside the lock: two first answers at once may both upload, which is harmless.
        Optional<String> fileId = known != null ? Optional.of(known) : upload(trend, png, altText);
        fileId.ifPresent(id -> {
            synchronized (fileIds) {
                fileIds.put(key, id);
            }
        });
        return fileId.map(id -> ImageBlock.builder().slackFile(SlackFileObject.builder().id(id).build())
                .altText(altText).build());
    }

    /**
     * Drops these files from memory: Slack refused to show them (not yet processed, or deleted by an
     * admin), so the next answer showing the same picture uploads it again instead of reusing them.
     */
    public void forget(Set<String> refused) {
        synchronized (fileIds) {
            fileIds.values().removeIf(refused::contains);
        }
    }

    private Optional<String> upload(UsageTrend trend, byte[] png, String altText) {
        String failure;
        try {
            FilesUploadV2Response response = client.filesUploadV2(r -> r
                    .fileData(png)
                    .filename("usage-" + trend.pool().label() + "-" + trend.today() + ".png")
                    .title(ChartWording.poolTitle(trend.pool()) + ", last 30 days")
                    .altTxt(altText)
                    // files.info would need files:read too; the id is all the block needs.
                    .requestFileInfo(false));
            if (response.isOk() && response.getFile() != null && response.getFile().getId() != null) {
                return Optional.of(response.getFile().getId());
            }
            failure = describe(response);
        } catch (SlackFilesUploadV2Exception e) {
            failure = describe(e);
        } catch (IOException | SlackApiException | RuntimeException e) {
            // The network edge: whatever it throws is a failed upload, and the answer goes on without it.
            failure = e.toString();
        }
        pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
        LOG.warn("Could not upload the usage graph to Slack ({}): answers show the sparkline alone for the next {} "
                + "minutes. Slack needs the bot scope files:write for graphs when PUBLIC_URL is not set.",
                failure, PAUSE_AFTER_FAILURE.toMinutes());
        return Optional.empty();
    }

    /** Slack's own word for the step that failed: "missing_scope (needed files:write)". */
    private static String describe(SlackFilesUploadV2Exception e) {
        Stream<SlackApiTextResponse> steps = Stream.concat(e.getGetURLResponses().stream(),
                Stream.ofNullable(e.getCompleteResponse()));
        Optional<String> refused = steps.filter(r -> !r.isOk()).findFirst().map(UploadedCharts::describe);
        return refused.orElseGet(() -> "the upload URL answered " + e.getUploadResponses().values().stream()
                .map(u -> String.valueOf(u.getCode())).findFirst().orElse("nothing"));
    }

    private static String describe(SlackApiTextResponse response) {
        return response.getError() + (response.getNeeded() == null ? "" : " (needed " + response.getNeeded() + ")");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Key(String tenantId, String pngHash) {
    }
}
