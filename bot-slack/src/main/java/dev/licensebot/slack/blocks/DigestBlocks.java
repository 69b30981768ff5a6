package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.digest.DigestWording;
import dev.licensebot.core.digest.PoolDigest;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.usage.chart.ChartWording;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.slack.reply.SlackMessage;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The weekly digest: per pool the week's peak against the 30-day average and the total, the
 * week's denials, the 30-day sparkline and graph (as the usage answer draws them), the sizing
 * line and the forecast when there is one; then what the week covers.
 */
public final class DigestBlocks {

    private DigestBlocks() {
    }

    public static SlackMessage render(Digest digest, ChartImages charts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(DigestWording.TITLE))));
        for (PoolDigest pool : digest.pools()) {
            blocks.addAll(pool(pool, charts));
        }
        String covers = DigestWording.covers(digest) + "  ·  as of " + SlackDates.mrkdwn(digest.asOf(), digest.zone());
        blocks.add(context(c -> c.elements(List.of(markdownText(covers)))));
        return SlackMessage.ephemeral(DigestWording.notification(digest), blocks);
    }

    private static List<LayoutBlock> pool(PoolDigest pool, ChartImages charts) {
        StringBuilder text = new StringBuilder("*" + ChartWording.poolTitle(pool.pool()) + "*\n")
                .append("Week's peak *").append(pool.weekPeak()).append("* of ").append(pool.total())
                .append("  ·  ").append(UsageReport.WINDOW_DAYS).append("-day average *")
                .append(pool.dailyAverage().toPlainString()).append("*  ·  Denials this week *")
                .append(pool.weekDenials()).append("*\n")
                .append("Last ").append(UsageReport.WINDOW_DAYS).append(" days `").append(pool.sparkline())
                .append("`\n")
                .append(Text.escape(pool.sizing()));
        if (pool.forecastSentence() != null) {
            text.append("\n:warning: ").append(Text.escape(pool.forecastSentence()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Text.cut(text.toString(), Text.MAX_TEXT)))));
        charts.image(pool.trend(), Text.cut(ChartWording.altText(pool.trend()), UsageBlocks.MAX_ALT_TEXT))
                .ifPresent(blocks::add);
        return blocks;
    }
}
