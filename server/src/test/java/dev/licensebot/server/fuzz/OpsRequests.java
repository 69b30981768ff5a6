package dev.licensebot.server.fuzz;

import dev.licensebot.core.tenant.Pool;

import java.net.URI;
import java.util.List;

/**
 * Requests to everything that is not the API or a bot: the signed chart links (real ones, and
 * ones tampered with), /metrics, /healthz, /readyz, the publisher pages and addresses that exist
 * nowhere.
 */
final class OpsRequests {

    private static final List<String> PATHS = List.of("/metrics", "/healthz", "/readyz", "/", "/privacy", "/terms",
            "/favicon.ico", "/.env", "/charts", "/charts/", "/charts/usage.png/x", "/slack", "/api/messages/x",
            "/%zz", "/%FF%FE", "/%00", "/a%2F..%2F..%2Fetc%2Fpasswd", "//", "/x;y", "*", "http://127.0.0.1/healthz",
            "/healthz?x=%zz", "/metrics?name[]=x", "/readyz/");

    private final Hostile h;
    private final FuzzServer server;

    OpsRequests(Hostile h, FuzzServer server) {
        this.h = h;
        this.server = server;
    }

    RawHttp.Request next() {
        String target = h.chance(0.35) ? chartLink() : h.oneOf(PATHS);
        RawHttp.Builder request = new RawHttp.Builder(h.chance(0.8) ? "GET" : OddHeaders.method(h), target);
        if (h.chance(0.1)) {
            request.header("Authorization", OddHeaders.badAuthorization(h));
        }
        if (h.chance(0.05)) {
            request.body(h.jsonValue(2));
        }
        OddHeaders.add(h, request);
        return request.build();
    }

    /** A link as Slack would fetch it, whole or with one part changed. */
    private String chartLink() {
        Pool pool = h.chance(0.5) ? Pool.SESSION : Pool.USER;
        URI link = URI.create(server.chartLinks.link(server.main.tenant().id(), pool).orElseThrow());
        String query = link.getRawQuery();
        if (h.chance(0.6)) {
            String part = h.oneOf("tenant", "pool", "expires", "signature");
            String value = switch (part) {
                case "expires" -> h.oneOf("9223372036854775807", "-9223372036854775808", "0", "-1", "1e9", "",
                        "99999999999999999999", "31556889864403199", "x");
                case "tenant" -> h.chance(0.5) ? server.other.tenant().id() : Hostile.encode(h.string());
                default -> Hostile.encode(h.string());
            };
            query = query.replaceAll(part + "=[^&]*", part + "=" + java.util.regex.Matcher.quoteReplacement(value));
        }
        if (h.chance(0.1)) {
            query = query + "&" + h.query(List.of("tenant", "pool", "expires", "signature")).replace("?", "");
        }
        return link.getRawPath() + "?" + query;
    }
}
