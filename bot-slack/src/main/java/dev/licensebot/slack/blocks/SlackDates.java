package dev.licensebot.slack.blocks;

import com.slack.api.model.block.element.RichTextSectionElement;
import dev.licensebot.core.time.TenantTime;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Times as Slack shows them: each reader sees their own local time, and clients that cannot
 * (notifications, old apps) fall back to the tenant's time with its zone name.
 */
public final class SlackDates {

    /** "Mar 10, 2026 9:12 AM" in the reader's zone and locale. */
    static final String FORMAT = "{date_short_pretty} {time}";

    private SlackDates() {
    }

    /** For mrkdwn: {@code <!date^1773130320^{date_short_pretty} {time}|2026-03-10 09:12 CET>}. */
    public static String mrkdwn(Instant at, ZoneId tenantZone) {
        return "<!date^" + at.getEpochSecond() + "^" + FORMAT + "|" + TenantTime.dateTimeWithZone(at, tenantZone) + ">";
    }

    /** The same as a rich text element, for table cells. */
    public static RichTextSectionElement.Date richText(Instant at, ZoneId tenantZone) {
        return RichTextSectionElement.Date.builder()
                .timestamp(Math.toIntExact(at.getEpochSecond()))
                .format(FORMAT)
                .fallback(TenantTime.dateTimeWithZone(at, tenantZone))
                .build();
    }
}
