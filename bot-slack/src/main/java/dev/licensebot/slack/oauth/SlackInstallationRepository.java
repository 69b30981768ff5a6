package dev.licensebot.slack.oauth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/**
 * The SQL of the Slack installations and OAuth states (V10). Keys are '' for "none" (see the
 * migration); {@code sealed} is always a {@link dev.licensebot.core.secrets.SecretBox} value.
 */
public interface SlackInstallationRepository {

    @SqlQuery("SELECT sealed FROM slack_bot WHERE enterprise_key = :enterprise AND team_key = :team")
    Optional<String> findBot(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey);

    @SqlUpdate("DELETE FROM slack_bot WHERE enterprise_key = :enterprise AND team_key = :team")
    int deleteBot(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey);

    @SqlUpdate("INSERT INTO slack_bot (enterprise_key, team_key, is_enterprise_install, installed_at, sealed) "
            + "VALUES (:enterprise, :team, :orgWide, :at, :sealed)")
    void insertBot(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey,
                   @Bind("orgWide") boolean orgWide, @Bind("at") Instant installedAt, @Bind("sealed") String sealed);

    @SqlQuery("SELECT sealed FROM slack_installer WHERE enterprise_key = :enterprise AND team_key = :team "
            + "AND user_key = :user")
    Optional<String> findInstaller(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey,
                                   @Bind("user") String userKey);

    @SqlUpdate("DELETE FROM slack_installer WHERE enterprise_key = :enterprise AND team_key = :team "
            + "AND user_key = :user")
    int deleteInstaller(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey,
                        @Bind("user") String userKey);

    @SqlUpdate("DELETE FROM slack_installer WHERE enterprise_key = :enterprise AND team_key = :team")
    int deleteInstallers(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey);

    @SqlUpdate("INSERT INTO slack_installer (enterprise_key, team_key, user_key, installed_at, sealed) "
            + "VALUES (:enterprise, :team, :user, :at, :sealed)")
    void insertInstaller(@Bind("enterprise") String enterpriseKey, @Bind("team") String teamKey,
                         @Bind("user") String userKey, @Bind("at") Instant installedAt, @Bind("sealed") String sealed);

    @SqlUpdate("INSERT INTO slack_oauth_state (state, expires_at) VALUES (:state, :expiresAt)")
    void insertState(@Bind("state") String state, @Bind("expiresAt") Instant expiresAt);

    /** The claim: 1 for the one caller that finds the state unexpired, 0 for every other. */
    @SqlUpdate("DELETE FROM slack_oauth_state WHERE state = :state AND expires_at > :now")
    int claimState(@Bind("state") String state, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM slack_oauth_state WHERE state = :state")
    int countState(@Bind("state") String state);

    @SqlUpdate("DELETE FROM slack_oauth_state WHERE state = :state")
    int deleteState(@Bind("state") String state);

    @SqlUpdate("DELETE FROM slack_oauth_state WHERE expires_at <= :now")
    int deleteExpiredStates(@Bind("now") Instant now);
}
