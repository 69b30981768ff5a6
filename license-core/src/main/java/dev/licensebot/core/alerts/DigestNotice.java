package dev.licensebot.core.alerts;

import java.util.List;

/**
 * The weekly digest as a message to a subscribed place: a headline and its lines, one section per
 * pool, worded in the core; Slack and Teams only lay it out (no buttons: nothing to do but read).
 *
 * @param sections one per pool: its title, then its lines
 * @param chartUrl the 30-day usage graph, where the server has a public address; else null
 */
public record DigestNotice(String headline, List<Section> sections, String chartUrl) {

    public record Section(String title, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    public DigestNotice {
        sections = List.copyOf(sections);
    }
}
