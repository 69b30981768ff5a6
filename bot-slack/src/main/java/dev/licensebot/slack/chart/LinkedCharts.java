package dev.licensebot.slack.chart;

import com.slack.api.model.block.ImageBlock;
import dev.licensebot.core.usage.UsageTrend;

import java.util.Optional;

/** The graph at a signed, expiring link to this server, which Slack fetches (and draws anew each time). */
public record LinkedCharts(ChartLinks links) implements ChartImages {

    @Override
    public Optional<ImageBlock> image(UsageTrend trend, String altText) {
        return links.link(trend.tenantId(), trend.pool())
                .map(url -> ImageBlock.builder().imageUrl(url).altText(altText).build());
    }
}
