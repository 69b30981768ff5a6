package dev.licensebot.core.usage.chart;

import dev.licensebot.core.usage.UsageTrend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered usage graphs, kept by what they show: the same figures at the same size are the same
 * PNG, so a Home tab opened by ten admins, Slack's image fetch after the message, and a refresh
 * that changed nothing all cost one render. A per-node cache that only saves work: a miss just
 * renders again, so nodes need not share it.
 */
public final class UsageCharts {

    /** A few per tenant and pool (the two sizes, today and yesterday's leftovers) for many tenants. */
    static final int CAPACITY = 512;

    private final Map<Key, byte[]> rendered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The trend's PNG and the alt text that states its figures. */
    public Chart render(UsageTrend trend, ChartSize size) {
        Key key = new Key(trend.drawn(), size);
        byte[] png;
        synchronized (rendered) {
            png = rendered.get(key);
        }
        if (png == null) {
            // Rendered outside the lock: two callers may both draw a missing chart, which is harmless.
            png = UsageChart.png(key.drawn(), size);
            synchronized (rendered) {
                rendered.put(key, png);
            }
        }
        return new Chart(png.clone(), ChartWording.altText(trend));
    }

    private record Key(UsageTrend.Drawn drawn, ChartSize size) {
    }

    /** A PNG and its alt text. */
    public record Chart(byte[] png, String altText) {
    }
}
