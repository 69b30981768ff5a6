package dev.licensebot.slack.identity;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.licensebot.slack.reply.RateLimits;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.ChatPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Slack user as users.info (scope users:read.email) shows them: their email and their standing
 * in the workspace the request came from ({@link SlackStanding}), kept for a few minutes so a
 * conversation of clicks costs one lookup. Roles are not cached: they are always read from the
 * database, so a revoked role counts at once on every node.
 */
public final class EmailDirectory {

    public static final Duration TTL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(EmailDirectory.class);
    /** Beyond this many people something is odd; starting afresh bounds the memory. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(ChatPerson person, Instant fetchedAt) {
    }

    private final WorkspaceClients clients;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** One workspace: every lookup with this client. */
    public EmailDirectory(MethodsClient client, Clock clock) {
        this((enterpriseId, teamId) -> client, clock);
    }

    /** Each lookup with the token of the workspace the request came from. */
    public EmailDirectory(WorkspaceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** Forgets everyone of a workspace or organization (uninstalled): nothing of it stays cached. */
    public void forget(String workspaceOrOrganization) {
        cache.keySet().removeIf(key -> {
            String[] parts = key.split("/", 3);
            return parts[0].equals(workspaceOrOrganization) || parts[1].equals(workspaceOrOrganization);
        });
    }

    /** {@code enterpriseId}: the request's Enterprise Grid organization, null when it names none. */
    public ChatPerson personOf(String teamId, String enterpriseId, String userId) {
        String key = teamId + "/" + enterpriseId + "/" + userId;
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.fetchedAt().plus(TTL).isAfter(now)) {
            return cached.person();
        }
        User user = fetch(clients.of(enterpriseId, teamId), userId);
        ChatPerson person = new ChatPerson(userId, user.getProfile() == null ? null : user.getProfile().getEmail(),
                SlackStanding.of(user, teamId, enterpriseId));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry(person, now));
        return person;
    }

    private static User fetch(MethodsClient client, String userId) {
        UsersInfoResponse response;
        try {
            response = RateLimits.call("users.info", () -> client.usersInfo(r -> r.user(userId)));
        } catch (IOException e) {
            throw new UncheckedIOException("users.info failed for " + userId, e);
        } catch (SlackApiException e) {
            throw new IllegalStateException("users.info failed for " + userId + ": " + e.getMessage(), e);
        }
        if (!response.isOk() || response.getUser() == null) {
            LOG.warn("users.info for {} answered {} (needed: {})", userId, response.getError(), response.getNeeded());
            throw new Refusal(Refusal.Kind.NOT_PERMITTED, "email_unavailable",
                    "I could not read your email address from Slack, so I cannot tell who you are. "
                            + "Ask the workspace admin to give licensebot the users:read.email scope.");
        }
        return response.getUser();
    }
}
