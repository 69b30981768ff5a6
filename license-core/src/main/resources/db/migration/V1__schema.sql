-- Portable between MariaDB 10.11 and H2 (MODE=MariaDB;DATABASE_TO_LOWER=TRUE).
-- All instants are stored as UTC in DATETIME(3); time zones are applied in Java.
-- Identifiers and interaction names are compared byte for byte (utf8mb4_bin) so "Chat" and "chat",
-- or "ABC" and "abc", are different on MariaDB exactly as on H2.

CREATE TABLE tenant (
    id                       VARCHAR(36)  NOT NULL,
    name                     VARCHAR(200) NOT NULL,
    time_zone                VARCHAR(64)  NOT NULL,
    session_timeout_seconds  INT          NOT NULL,
    api_key_hash             CHAR(64)     NOT NULL,
    created_at               DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenant_api_key UNIQUE (api_key_hash)
);

CREATE TABLE license_pool (
    tenant_id  VARCHAR(36) NOT NULL,
    pool       VARCHAR(16) NOT NULL,
    total      INT         NOT NULL,
    PRIMARY KEY (tenant_id, pool),
    CONSTRAINT fk_license_pool_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE slack_team_link (
    team_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    tenant_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (team_id),
    CONSTRAINT fk_slack_team_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE teams_tenant_link (
    entra_tenant_id  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    tenant_id        VARCHAR(36) NOT NULL,
    PRIMARY KEY (entra_tenant_id),
    CONSTRAINT fk_teams_tenant_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE tenant_operator (
    tenant_id   VARCHAR(36)  NOT NULL,
    email       VARCHAR(254) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    granted_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, email),
    CONSTRAINT fk_tenant_operator_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE platform_user (
    tenant_id          VARCHAR(36)  NOT NULL,
    user_id            VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    username           VARCHAR(200),
    email              VARCHAR(254),
    first_name         VARCHAR(100),
    last_name          VARCHAR(100),
    role               VARCHAR(64),
    status             VARCHAR(10)  NOT NULL,
    status_changed_at  DATETIME(3)  NOT NULL,
    conversations      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT fk_platform_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_platform_user_status ON platform_user (tenant_id, status);
CREATE INDEX ix_platform_user_changed ON platform_user (tenant_id, status_changed_at);

-- One row per period a user held a USER license: the interval source for the USER pool's daily max.
CREATE TABLE user_license_period (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     VARCHAR(36)  NOT NULL,
    user_id       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    allocated_at  DATETIME(3)  NOT NULL,
    released_at   DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_user_license_period_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_user_license_period_span ON user_license_period (tenant_id, allocated_at);
CREATE INDEX ix_user_license_period_open ON user_license_period (tenant_id, user_id, released_at);

-- expires_at = last activity + the tenant's timeout. A session with ended_at NULL and
-- expires_at <= now is closed (TIMEOUT) from expires_at on, whether or not the job has recorded it.
CREATE TABLE agent_session (
    tenant_id          VARCHAR(36)  NOT NULL,
    id                 VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin  NOT NULL,
    started_at         DATETIME(3)  NOT NULL,
    started_by         VARCHAR(8)   NOT NULL,
    username           VARCHAR(200),
    email              VARCHAR(254),
    role               VARCHAR(64),
    agent_name         VARCHAR(200),
    channel            VARCHAR(64),
    conversations      INT          NOT NULL DEFAULT 0,
    open_interactions  INT          NOT NULL DEFAULT 0,
    last_activity_at   DATETIME(3)  NOT NULL,
    expires_at         DATETIME(3)  NOT NULL,
    ended_at           DATETIME(3),
    end_reason         VARCHAR(16),
    terminated_by      VARCHAR(254),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_agent_session_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_agent_session_open ON agent_session (tenant_id, ended_at, expires_at);
CREATE INDEX ix_agent_session_started ON agent_session (tenant_id, started_at);
CREATE INDEX ix_agent_session_username ON agent_session (tenant_id, username);
CREATE INDEX ix_agent_session_interactions ON agent_session (tenant_id, open_interactions);
CREATE INDEX ix_agent_session_expiry ON agent_session (ended_at, expires_at);

CREATE TABLE session_interaction (
    tenant_id   VARCHAR(36)  NOT NULL,
    session_id  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin  NOT NULL,
    name        VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    instances   INT          NOT NULL,
    PRIMARY KEY (tenant_id, session_id, name),
    CONSTRAINT fk_session_interaction_session FOREIGN KEY (tenant_id, session_id) REFERENCES agent_session (tenant_id, id)
);

CREATE TABLE replenishment (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    VARCHAR(36)  NOT NULL,
    pool         VARCHAR(16)  NOT NULL,
    occurred_at  DATETIME(3)  NOT NULL,
    delta        INT          NOT NULL,
    total_after  INT          NOT NULL,
    actor        VARCHAR(254) NOT NULL,
    reason       VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT fk_replenishment_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_replenishment_when ON replenishment (tenant_id, occurred_at);

CREATE TABLE denial (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(36) NOT NULL,
    pool       VARCHAR(16) NOT NULL,
    denied_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_denial_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_denial_when ON denial (tenant_id, pool, denied_at);

-- Maxima of completed days, computed once from the intervals and reused; imports invalidate.
CREATE TABLE daily_peak (
    tenant_id  VARCHAR(36) NOT NULL,
    pool       VARCHAR(16) NOT NULL,
    peak_day   DATE        NOT NULL,
    peak       INT         NOT NULL,
    PRIMARY KEY (tenant_id, pool, peak_day),
    CONSTRAINT fk_daily_peak_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE confirmation (
    id            VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin  NOT NULL,
    tenant_id     VARCHAR(36)  NOT NULL,
    requested_by  VARCHAR(254) NOT NULL,
    action        VARCHAR(16)  NOT NULL,
    pool          VARCHAR(16),
    delta         INT,
    reason        VARCHAR(500),
    created_at    DATETIME(3)  NOT NULL,
    expires_at    DATETIME(3)  NOT NULL,
    used_at       DATETIME(3),
    used_by       VARCHAR(254),
    outcome       VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT fk_confirmation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE confirmation_session (
    confirmation_id  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_id       VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    position         INT         NOT NULL,
    PRIMARY KEY (confirmation_id, session_id),
    CONSTRAINT fk_confirmation_session_confirmation FOREIGN KEY (confirmation_id) REFERENCES confirmation (id)
);

CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id    VARCHAR(36)   NOT NULL,
    occurred_at  DATETIME(3)   NOT NULL,
    actor        VARCHAR(254)  NOT NULL,
    surface      VARCHAR(16)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    detail       VARCHAR(2000) NOT NULL,
    outcome      VARCHAR(500)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_audit_entry_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_audit_entry_when ON audit_entry (tenant_id, occurred_at);
