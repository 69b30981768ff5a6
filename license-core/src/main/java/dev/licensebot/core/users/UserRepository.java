package dev.licensebot.core.users;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

@RegisterConstructorMapper(PlatformUser.class)
public interface UserRepository {

    String COLUMNS = "user_id, username, email, first_name, last_name, role, status, status_changed_at, conversations";

    @SqlQuery("SELECT " + COLUMNS + " FROM platform_user WHERE tenant_id = :tenantId AND user_id = :userId")
    Optional<PlatformUser> find(@Bind("tenantId") String tenantId, @Bind("userId") String userId);

    @SqlUpdate("INSERT INTO platform_user (tenant_id, " + COLUMNS + ") VALUES (:tenantId, :userId, :username, :email, "
            + ":firstName, :lastName, :role, :status, :statusChangedAt, :conversations)")
    void insert(@Bind("tenantId") String tenantId, @BindMethods PlatformUser user);

    @SqlUpdate("UPDATE platform_user SET username = :username, email = :email, first_name = :firstName, "
            + "last_name = :lastName, role = :role, status = :status, status_changed_at = :statusChangedAt, "
            + "conversations = :conversations WHERE tenant_id = :tenantId AND user_id = :userId")
    void update(@Bind("tenantId") String tenantId, @BindMethods PlatformUser user);

    /** 1 when this call released the license; 0 when it was not held. */
    @SqlUpdate("UPDATE platform_user SET status = 'INACTIVE', status_changed_at = :now "
            + "WHERE tenant_id = :tenantId AND user_id = :userId AND status = 'ACTIVE'")
    int deactivate(@Bind("tenantId") String tenantId, @Bind("userId") String userId, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO user_license_period (tenant_id, user_id, allocated_at) VALUES (:tenantId, :userId, :now)")
    void openPeriod(@Bind("tenantId") String tenantId, @Bind("userId") String userId, @Bind("now") Instant now);

    /** Never before it was taken, even when the releasing clock is behind the one that took it. */
    @SqlUpdate("UPDATE user_license_period SET released_at = GREATEST(:now, allocated_at) "
            + "WHERE tenant_id = :tenantId AND user_id = :userId AND released_at IS NULL")
    void closePeriod(@Bind("tenantId") String tenantId, @Bind("userId") String userId, @Bind("now") Instant now);

    /**
     * Takes the USER pool's row lock, first thing in every transaction that takes or releases a
     * user license, so they are ordered by it; and reads the pool's total and latest stamp under it.
     */
    @SqlQuery("SELECT total, stamped_at FROM license_pool WHERE tenant_id = :tenantId AND pool = 'USER' FOR UPDATE")
    @RegisterConstructorMapper(LockedPool.class)
    LockedPool lockPool(@Bind("tenantId") String tenantId);

    /** Under the lock {@link #lockPool} took: {@code at} is no earlier than the stamp it read. */
    @SqlUpdate("UPDATE license_pool SET stamped_at = :at WHERE tenant_id = :tenantId AND pool = 'USER'")
    void stamp(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    /** The USER pool as locked: its total, and the latest instant a license of it was taken or released at. */
    record LockedPool(int total, Instant stampedAt) {
    }
}
