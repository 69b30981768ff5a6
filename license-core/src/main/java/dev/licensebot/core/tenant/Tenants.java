package dev.licensebot.core.tenant;

import dev.licensebot.core.Input;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Repositories;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** Creating tenants, linking chat workspaces to them, and finding them again. */
public final class Tenants {

    /** Beyond this a typo is likelier than a real order. */
    public static final int MAX_LICENSES = 1_000_000;
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_TIMEOUT = Duration.ofDays(7);
    private static final String API_KEY = "api ";
    private static final String SLACK = "slack ";
    private static final String TEAMS = "teams ";

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    /**
     * Which tenant an API key or a chat workspace names: the first thing every REST call and every
     * chat request asks (issue 7, B2 and B3).
     */
    private final RecentTenants recent = new RecentTenants();

    public Tenants(Jdbi jdbi, Repositories repositories, Clock clock) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
    }

    /** What a new tenant needs; validated before anything is written. */
    public record NewTenant(String name, String timeZone, int sessionLicenses, int userLicenses,
                            Duration sessionTimeout) {
    }

    /** The tenant and its API key, which is shown this once and never stored in the clear. */
    public record CreatedTenant(Tenant tenant, String apiKey) {
    }

    public CreatedTenant create(NewTenant request) {
        return create(UUID.randomUUID().toString(), request);
    }

    /**
     * With an id chosen by the caller, for well-known tenants such as the demo's, which must be
     * found again after a restart. Every other tenant gets a random id.
     */
    public CreatedTenant create(String tenantId, NewTenant request) {
        String id = requireId("tenant", tenantId);
        String name = requireName(request.name());
        ZoneId zone = parseZone(request.timeZone());
        requireLicenseCount("sessionLicenses", request.sessionLicenses());
        requireLicenseCount("userLicenses", request.userLicenses());
        Duration timeout = request.sessionTimeout() == null ? Tenant.DEFAULT_SESSION_TIMEOUT : request.sessionTimeout();
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw Refusal.invalid("sessionTimeout", "The session timeout must be between 10 seconds and 7 days.");
        }
        String apiKey = ApiKeys.generate();
        Tenant tenant = new Tenant(id, name, zone, timeout, clock.instant());
        jdbi.useTransaction(h -> {
            TenantRepository repo = repositories.of(TenantRepository.class);
            repo.insert(tenant.id(), name, zone.getId(), timeout.toSeconds(), ApiKeys.hash(apiKey), tenant.createdAt());
            repo.insertPool(tenant.id(), Pool.SESSION, request.sessionLicenses());
            repo.insertPool(tenant.id(), Pool.USER, request.userLicenses());
        });
        return new CreatedTenant(tenant, apiKey);
    }

    public Tenant require(String tenantId) {
        return find(tenantId).orElseThrow(() -> Refusal.notFound("tenant", "There is no tenant " + tenantId + "."));
    }

    public Optional<Tenant> find(String tenantId) {
        return repositories.with(TenantRepository.class, r -> r.findById(tenantId));
    }

    public Optional<Tenant> findByApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return repositories.with(TenantRepository.class, r -> r.findByApiKeyHash(ApiKeys.hash(apiKey.trim())));
    }

    /**
     * On every REST call, so remembered for {@link RecentTenants#TTL} by the key's hash (the keys
     * themselves are not kept): a key revoked by the CLI or on another node keeps working here for
     * up to that long (docs/operations.md).
     */
    public Optional<Tenant> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(apiKey.trim());
        return recent.find(API_KEY + hash,
                () -> repositories.with(TenantRepository.class, r -> r.findByApiKeyHash(hash)));
    }

    /** The workspace's tenant as the database has it now; chat requests ask {@link #linkedSlackTeam}. */
    public Optional<Tenant> findBySlackTeam(String teamId) {
        return jdbi.withHandle(h -> repositories.of(TenantRepository.class).findBySlackTeam(teamId));
    }

    /** The organization's tenant as the database has it now; chat requests ask {@link #linkedTeamsTenant}. */
    public Optional<Tenant> findByTeamsTenant(String entraTenantId) {
        return jdbi.withHandle(h -> repositories.of(TenantRepository.class).findByTeamsTenant(entraTenantId));
    }

    /**
     * On every Slack request, so remembered for {@link RecentTenants#TTL} (issue 7, B3): a workspace
     * moved by the CLI or on another node is served from its old tenant here for up to that long.
     */
    public Optional<Tenant> linkedSlackTeam(String teamId) {
        return recent.find(SLACK + teamId, () -> findBySlackTeam(teamId));
    }

    /** On every Teams request, remembered as {@link #linkedSlackTeam} is. */
    public Optional<Tenant> linkedTeamsTenant(String entraTenantId) {
        return recent.find(TEAMS + entraTenantId, () -> findByTeamsTenant(entraTenantId));
    }

    /** A workspace belongs to exactly one tenant: linking it again moves it. */
    public void linkSlackTeam(String tenantId, String teamId) {
        require(tenantId);
        String team = requireId("team", teamId);
        jdbi.useTransaction(h -> {
            TenantRepository repo = repositories.of(TenantRepository.class);
            repo.unlinkSlackTeam(team);
            repo.linkSlackTeam(team, tenantId);
        });
        recent.forget(SLACK + team);
    }

    /** The workspace (or organization) is linked to no tenant any more; nothing happens when it was not. */
    public void unlinkSlackTeam(String teamId) {
        String team = requireId("team", teamId);
        jdbi.useTransaction(h -> repositories.of(TenantRepository.class).unlinkSlackTeam(team));
        recent.forget(SLACK + team);
    }

    public void linkTeamsTenant(String tenantId, String entraTenantId) {
        require(tenantId);
        String entra = requireId("entraTenant", entraTenantId);
        jdbi.useTransaction(h -> {
            TenantRepository repo = repositories.of(TenantRepository.class);
            repo.unlinkTeamsTenant(entra);
            repo.linkTeamsTenant(entra, tenantId);
        });
        recent.forget(TEAMS + entra);
    }

    /** The organization is linked to no tenant any more (nothing happens when it was not linked). */
    public void unlinkTeamsTenant(String entraTenantId) {
        String entra = requireId("entraTenant", entraTenantId);
        jdbi.useExtension(TenantRepository.class, repo -> repo.unlinkTeamsTenant(entra));
        recent.forget(TEAMS + entra);
    }

    /** How many Microsoft Teams organizations are linked to any tenant. */
    public int linkedTeamsTenantCount() {
        return repositories.with(TenantRepository.class, TenantRepository::countTeamsLinks);
    }

    public int total(String tenantId, Pool pool) {
        return repositories.with(TenantRepository.class, r -> r.total(tenantId, pool));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Refusal.invalid("name", "The tenant needs a name of 1 to 200 characters.");
        }
        return Input.plain("name", name.strip());
    }

    private static String requireId(String field, String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw Refusal.invalid(field, "The " + field + " id must be 1 to 64 characters.");
        }
        return id.trim();
    }

    static ZoneId parseZone(String zone) {
        try {
            return ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            throw Refusal.invalid("timezone", "\"" + zone + "\" is not an IANA time zone such as Europe/Berlin.");
        }
    }

    static void requireLicenseCount(String field, int count) {
        if (count < 0 || count > MAX_LICENSES) {
            throw Refusal.invalid(field, "A license total must be between 0 and " + MAX_LICENSES + ".");
        }
    }
}
