package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's OAuth v2 as {@link FakeSlack} plays it: a workspace (or Enterprise Grid organization)
 * that "approved" the install hands out a code; oauth.v2.access trades it, once, for that
 * workspace's own bot token; auth.test tells each token's workspace; a revoked token is refused.
 * With rotation on, tokens expire and oauth.v2.access (grant_type=refresh_token) hands out new ones.
 */
public final class FakeSlackOAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One installed workspace: its ids and the token it currently has. */
    public record Workspace(String enterpriseId, String teamId, boolean orgWide, String botToken,
                            String refreshToken) {
    }

    private final Map<String, Workspace> codes = new ConcurrentHashMap<>();
    private final Map<String, Workspace> byToken = new ConcurrentHashMap<>();
    private final Map<String, Workspace> byRefresh = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private volatile Integer expiresIn;

    /** A code the installer of {@code teamId} brings back to the redirect. */
    public String approve(String enterpriseId, String teamId, boolean orgWide) {
        String code = "code-" + UUID.randomUUID();
        String suffix = (orgWide ? enterpriseId : teamId) + "-" + UUID.randomUUID().toString().substring(0, 6);
        codes.put(code, new Workspace(enterpriseId, orgWide ? null : teamId, orgWide,
                (expiresIn == null ? "xoxb-" : "xoxe.xoxb-") + suffix, expiresIn == null ? null : "xoxe-1-" + suffix));
        return code;
    }

    /**
     * From now on, installs hand out tokens that expire after {@code seconds}, with a refresh token;
     * refreshed tokens live 12 hours.
     */
    public void rotateTokens(int seconds) {
        expiresIn = seconds;
    }

    /** auth.test refuses this token from now on (the workspace uninstalled the app). */
    public void revoke(String token) {
        byToken.remove(token);
    }

    /** How many times tokens were refreshed. */
    public long refreshes() {
        return issued.stream().filter(t -> t.contains("-rotated-")).count();
    }

    public boolean knows(String token) {
        return token != null && issued.contains(token);
    }

    /** The token the workspace has now, after any rotation. */
    public String tokenOf(String teamOrEnterprise) {
        return byToken.values().stream().filter(w -> teamOrEnterprise.equals(w.orgWide() ? w.enterpriseId()
                : w.teamId())).map(Workspace::botToken).findFirst().orElseThrow();
    }

    synchronized ObjectNode access(Map<String, String> form) {
        ObjectNode json = JSON.createObjectNode();
        Workspace workspace;
        boolean refresh = "refresh_token".equals(form.get("grant_type"));
        if (refresh) {
            Workspace old = byRefresh.remove(form.get("refresh_token"));
            if (old == null) {
                return json.put("ok", false).put("error", "invalid_refresh_token");
            }
            byToken.remove(old.botToken());
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            workspace = new Workspace(old.enterpriseId(), old.teamId(), old.orgWide(),
                    "xoxe.xoxb-rotated-" + suffix, "xoxe-1-rotated-" + suffix);
        } else {
            workspace = codes.remove(String.valueOf(form.get("code")));
            if (workspace == null) {
                return json.put("ok", false).put("error", "invalid_code");
            }
        }
        byToken.put(workspace.botToken(), workspace);
        issued.add(workspace.botToken());
        if (workspace.refreshToken() != null) {
            byRefresh.put(workspace.refreshToken(), workspace);
        }
        json.put("ok", true).put("app_id", "A0FAKE").put("access_token", workspace.botToken())
                .put("token_type", "bot").put("scope", "commands,chat:write,users:read,users:read.email,files:write")
                .put("bot_user_id", "UBOT").put("is_enterprise_install", workspace.orgWide());
        if (workspace.refreshToken() != null) {
            // Refreshed tokens live 12 hours, as Slack's do; the first one as long as the test said.
            json.put("refresh_token", workspace.refreshToken()).put("expires_in", refresh ? 43_200 : expiresIn);
        }
        if (workspace.teamId() != null) {
            json.putObject("team").put("id", workspace.teamId()).put("name", "Team " + workspace.teamId());
        } else {
            json.putNull("team");
        }
        if (workspace.enterpriseId() != null) {
            json.putObject("enterprise").put("id", workspace.enterpriseId()).put("name", "Org");
        } else {
            json.putNull("enterprise");
        }
        json.putObject("authed_user").put("id", "UINSTALLER");
        return json;
    }

    ObjectNode authTest(String token) {
        ObjectNode json = JSON.createObjectNode();
        Workspace workspace = byToken.get(token);
        if (workspace == null) {
            return json.put("ok", false).put("error", "invalid_auth");
        }
        json.put("ok", true).put("url", "https://fake.slack/").put("user", "licensebot").put("user_id", "UBOT")
                .put("bot_id", "BBOT").put("is_enterprise_install", workspace.orgWide());
        if (workspace.teamId() != null) {
            json.put("team_id", workspace.teamId());
        }
        if (workspace.enterpriseId() != null) {
            json.put("enterprise_id", workspace.enterpriseId());
        }
        return json;
    }
}
