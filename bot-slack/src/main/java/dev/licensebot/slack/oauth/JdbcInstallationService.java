package dev.licensebot.slack.oauth;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.secrets.SecretBox;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Bolt's installations in MariaDB (or H2), so every node serves every workspace that was installed
 * through any node, and a token Bolt refreshed on one node is the one every node uses next. Each
 * bot and installer is stored whole as sealed JSON ({@link SealedJson}); only the ids needed to
 * find it are plain. One bot per workspace (or per organization, for an org-wide install) is kept,
 * and the installer of each user plus the latest one, as Bolt's own stores do.
 */
public final class JdbcInstallationService implements InstallationService {

    private static final String LATEST = "";

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final SealedJson sealed;
    private final Clock clock;

    public JdbcInstallationService(Jdbi jdbi, SecretBox box, Clock clock) {
        this.jdbi = jdbi;
        this.repositories = new Repositories(jdbi);
        this.sealed = new SealedJson(box);
        this.clock = clock;
    }

    /** Earlier installations are replaced, never kept: nothing old of a workspace lingers. */
    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("licensebot keeps only a workspace's current installation");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        InstallationKey key = InstallationKey.of(installer.getEnterpriseId(), installer.getTeamId(),
                installer.getIsEnterpriseInstall());
        Instant at = installedAt(installer.getInstalledAt());
        jdbi.useTransaction(h -> {
            SlackInstallationRepository repo = repositories.of(SlackInstallationRepository.class);
            for (String user : new String[] {LATEST, InstallationKey.orEmpty(installer.getInstallerUserId())}) {
                repo.deleteInstaller(key.enterprise(), key.team(), user);
                repo.insertInstaller(key.enterprise(), key.team(), user, at,
                        sealed.seal(key.purpose("installer " + user), installer));
            }
            replaceBot(repo, key, installer.toBot(), at);
        });
    }

    /** Bolt calls this with the refreshed tokens when it rotated them. */
    @Override
    public void saveBot(Bot bot) {
        InstallationKey key = InstallationKey.of(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall());
        jdbi.useTransaction(h -> replaceBot(repositories.of(SlackInstallationRepository.class), key, bot,
                installedAt(bot.getInstalledAt())));
    }

    private void replaceBot(SlackInstallationRepository repo, InstallationKey key, Bot bot, Instant at) {
        if (bot == null || bot.getBotAccessToken() == null) {
            return;
        }
        repo.deleteBot(key.enterprise(), key.team());
        repo.insertBot(key.enterprise(), key.team(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall()), at,
                sealed.seal(key.purpose("bot"), bot));
    }

    @Override
    public void deleteBot(Bot bot) {
        InstallationKey key = InstallationKey.of(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall());
        repositories.with(SlackInstallationRepository.class, repo -> repo.deleteBot(key.enterprise(), key.team()));
    }

    @Override
    public void deleteInstaller(Installer installer) {
        InstallationKey key = InstallationKey.of(installer.getEnterpriseId(), installer.getTeamId(),
                installer.getIsEnterpriseInstall());
        repositories.with(SlackInstallationRepository.class, repo -> repo.deleteInstaller(key.enterprise(), key.team(),
                InstallationKey.orEmpty(installer.getInstallerUserId())));
    }

    /** Everything of a workspace (or, with no team, of an org-wide install): its bot and installers. */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        InstallationKey key = new InstallationKey(InstallationKey.orEmpty(enterpriseId), InstallationKey.orEmpty(teamId));
        jdbi.useTransaction(h -> {
            SlackInstallationRepository repo = repositories.of(SlackInstallationRepository.class);
            repo.deleteBot(key.enterprise(), key.team());
            repo.deleteInstallers(key.enterprise(), key.team());
        });
    }

    /** The workspace's own bot, else its organization's org-wide one. */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        InstallationKey key = new InstallationKey(InstallationKey.orEmpty(enterpriseId), InstallationKey.orEmpty(teamId));
        return botAt(key).or(() -> key.inOrganization() ? botAt(key.orgWide()) : Optional.empty()).orElse(null);
    }

    private Optional<Bot> botAt(InstallationKey key) {
        return repositories.with(SlackInstallationRepository.class, repo -> repo.findBot(key.enterprise(), key.team()))
                .map(value -> sealed.open(key.purpose("bot"), value, DefaultBot.class));
    }

    /** {@code userId} null: the latest installer. */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        InstallationKey key = new InstallationKey(InstallationKey.orEmpty(enterpriseId), InstallationKey.orEmpty(teamId));
        String user = InstallationKey.orEmpty(userId);
        return installerAt(key, user).or(() -> key.inOrganization() ? installerAt(key.orgWide(), user) : Optional.empty())
                .orElse(null);
    }

    private Optional<Installer> installerAt(InstallationKey key, String user) {
        return repositories.with(SlackInstallationRepository.class,
                        repo -> repo.findInstaller(key.enterprise(), key.team(), user))
                .map(value -> sealed.open(key.purpose("installer " + user), value, DefaultInstaller.class));
    }

    private Instant installedAt(Long millis) {
        return millis == null ? clock.instant() : Instant.ofEpochMilli(millis);
    }
}
