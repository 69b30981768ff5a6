package dev.licensebot.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.bench.Latencies;
import dev.licensebot.bench.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * B3: `/licenses active` over signed Slack HTTP (until the answer arrives: in the ack when it is
 * ready within the ack budget, as it is here, else at the response_url) and
 * "active agents" in Teams (until the bot's card reached the connector and the POST returned),
 * against the bare Bolt ack and the bare bot's reply on the same JVM. Both bare handlers are also
 * timed after one primary-key read from MariaDB: what the least answer from the database costs on
 * this machine, so the report shows how much of an answer's tail is the product's and how much any
 * round trip to the database brings (bench/NOTES.md).
 */
public final class ChatLatencyRun {

    private final ServerRig rig;

    public ChatLatencyRun(ServerRig rig) {
        this.rig = rig;
    }

    /** One of each, checked: what the smoke test runs. */
    public static void once(ServerRig rig) {
        requireActiveList(rig.slackCommand("active"));
        require(rig.bareSlackCommand("active") == 200, "bare Slack ack");
        require(rig.bareSlackCommandAfterRead() == 200, "bare Slack ack after reading the admin's row");
        requireCard(rig.teamsMessage("active agents"));
        require("ok".equals(rig.bareTeamsMessage("active agents").path("text").asText()), "bare Teams reply");
        require("ok".equals(rig.bareTeamsMessageAfterRead().path("text").asText()),
                "bare Teams reply after reading the admin's row");
    }

    public void run(Report report, int openSessions, int warmup, int rounds) {
        once(rig);
        long inAckBefore = rig.slackAnswersInAck();
        long sentBefore = rig.slackCommands();
        Sampler sampler = new Sampler().untilJitQuiet(Sampler.JIT_LIMIT);
        List<Latencies> l = sampler
                .add(() -> rig.slackCommand("active"))
                .add(() -> rig.bareSlackCommand("active"))
                .add(() -> rig.teamsMessage("active agents"))
                .add(() -> rig.bareTeamsMessage("active agents"))
                .add(rig::bareSlackCommandAfterRead)
                .add(rig::bareTeamsMessageAfterRead)
                .run(warmup, rounds);
        long inAck = rig.slackAnswersInAck() - inAckBefore;
        long sent = rig.slackCommands() - sentBefore;
        Latencies slack = l.get(0);
        Latencies bareSlack = l.get(1);
        Latencies teams = l.get(2);
        Latencies bareTeams = l.get(3);
        Latencies bareRead = l.get(4);
        Latencies bareTeamsRead = l.get(5);
        System.out.println("B3 (warm-up " + sampler.warmedUp() + ") slack " + slack + " (" + inAck
                + " answers in the ack) / bare " + bareSlack + " / bare after a read " + bareRead + "; teams " + teams
                + " / bare " + bareTeams + " / bare after a read " + bareTeamsRead);
        List<List<String>> rows = new ArrayList<>();
        rows.addAll(platformRows("Slack", "`/licenses active` (signed; to the answer: " + Report.num(inAck, 0)
                + " of " + Report.num(sent, 0) + " in the ack, the rest at the response_url)", slack,
                "bare Bolt ack", bareSlack, bareRead));
        rows.addAll(platformRows("Teams", "\"active agents\" (to the card at the connector)", teams,
                "bare bot reply", bareTeams, bareTeamsRead));
        report.table(List.of("request (" + Report.num(openSessions, 0) + " open sessions)", "p50", "p99",
                "baseline", "baseline p50", "baseline p99", "p99 ratio", "goal: p99 ≤ 2× and < 50 ms"), rows);
        report.text("Untimed warm-up: " + sampler.warmedUp() + ". The rows \"for reference\" are not goals: "
                + "they split each answer's p99 into what one round trip to MariaDB adds to a bare handler on "
                + "this machine and what the product adds on top of that.");
    }

    /**
     * One platform's rows: the product against its bare handler (the goal), then, for reference, the
     * bare handler after one read against the bare handler, and the product against that.
     */
    private static List<List<String>> platformRows(String platform, String what, Latencies product,
                                                   String bareName, Latencies bare, Latencies bareAfterRead) {
        double ratio = product.p99() / bare.p99();
        String verdict = Report.verdict(ratio <= 2 && product.p99() < 50) + (ratio > 2 ? " (ratio)" : "")
                + (product.p99() >= 50 ? " (50 ms)" : "");
        String afterRead = bareName + " after one primary-key read";
        return List.of(row(platform + " " + what, product, bareName, bare, verdict),
                row(afterRead + " (raw JDBC)", bareAfterRead, bareName, bare, "for reference"),
                row("the same " + platform + " requests", product, afterRead, bareAfterRead, "for reference"));
    }

    private static List<String> row(String what, Latencies l, String baseline, Latencies b, String verdict) {
        return List.of(what, Report.ms(l.p50()), Report.ms(l.p99()), baseline, Report.ms(b.p50()), Report.ms(b.p99()),
                Report.ratio(l.p99() / b.p99()), verdict);
    }

    private static void requireActiveList(JsonNode message) {
        require(message.path("blocks").size() > 0 && message.toString().contains("Terminate"),
                "the Slack answer is the Active Agents list: " + abbreviate(message));
    }

    private static void requireCard(JsonNode activity) {
        require("application/vnd.microsoft.card.adaptive".equals(
                activity.path("attachments").path(0).path("contentType").asText()),
                "the Teams answer is a card: " + abbreviate(activity));
    }

    private static String abbreviate(JsonNode json) {
        String text = json.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Unexpected answer: " + what);
        }
    }
}
