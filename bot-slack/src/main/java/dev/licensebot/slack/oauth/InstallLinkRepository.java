package dev.licensebot.slack.oauth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** The SQL of the install links (V11). */
public interface InstallLinkRepository {

    @SqlUpdate("INSERT INTO slack_install_link (id, tenant_id, created_at, expires_at) "
            + "VALUES (:id, :tenantId, :createdAt, :expiresAt)")
    void insert(@Bind("id") String id, @Bind("tenantId") String tenantId, @Bind("createdAt") Instant createdAt,
                @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT COUNT(*) FROM slack_install_link WHERE id = :id AND used_at IS NULL AND expires_at > :now")
    int countUsable(@Bind("id") String id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE slack_install_link SET state = :state WHERE id = :id AND used_at IS NULL")
    int bindState(@Bind("id") String id, @Bind("state") String state);

    @SqlQuery("SELECT id FROM slack_install_link WHERE state = :state AND used_at IS NULL AND expires_at > :now")
    Optional<String> usableByState(@Bind("state") String state, @Bind("now") Instant now);

    @SqlQuery("SELECT tenant_id FROM slack_install_link WHERE id = :id")
    String tenantOf(@Bind("id") String id);

    /** The one use: 1 for the callback that gets it, 0 for any other. */
    @SqlUpdate("UPDATE slack_install_link SET used_at = :now, used_for = :usedFor WHERE id = :id AND used_at IS NULL")
    int markUsed(@Bind("id") String id, @Bind("now") Instant now, @Bind("usedFor") String usedFor);
}
