package dev.licensebot.slack.chart;

import com.slack.api.model.block.ImageBlock;
import dev.licensebot.core.usage.UsageTrend;

import java.util.Optional;

/**
 * Where Slack gets a usage graph from. Slack draws message images itself, so the picture must be
 * somewhere Slack can read: at a signed link on this server ({@link LinkedCharts}, needs
 * PUBLIC_URL) or uploaded to Slack as a file of the bot's ({@link UploadedCharts}, for servers
 * Slack cannot reach, typically Socket Mode behind a firewall). Empty means no graph this time:
 * the answer shows the pool's sparkline alone, which it always carries anyway.
 */
public interface ChartImages {

    /** The image block showing this trend's graph, with {@code altText} stating its figures. */
    Optional<ImageBlock> image(UsageTrend trend, String altText);

    /** PUBLIC_URL set: links; otherwise uploads. */
    static ChartImages of(ChartLinks links, UploadedCharts uploads) {
        return links.reachable() ? new LinkedCharts(links) : uploads;
    }
}
