-- Slack distributed through OAuth v2 (issue 23): Bolt's installations and OAuth states, shared by
-- every node. Tokens are never stored in plain text: `sealed` is the whole installation as JSON,
-- sealed with AES-GCM under LICENSEBOT_SECRETS_KEY; only the ids needed to find it are plain.
-- enterprise_key / team_key / user_key hold '' for "none" (an org-wide install names no team;
-- user_key '' is the latest installer), so the primary keys never hold NULL.
CREATE TABLE slack_bot (
    enterprise_key         VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    team_key               VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    is_enterprise_install  BOOLEAN      NOT NULL,
    installed_at           DATETIME(3)  NOT NULL,
    sealed                 TEXT         NOT NULL,
    PRIMARY KEY (enterprise_key, team_key)
);

CREATE TABLE slack_installer (
    enterprise_key  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    team_key        VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_key        VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    installed_at    DATETIME(3)  NOT NULL,
    sealed          TEXT         NOT NULL,
    PRIMARY KEY (enterprise_key, team_key, user_key)
);

-- A state is issued when the install page is shown and claimed (deleted) by the one callback
-- that carries it; rows past expires_at are refused and swept.
CREATE TABLE slack_oauth_state (
    state       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    expires_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (state)
);
CREATE INDEX ix_slack_oauth_state_expiry ON slack_oauth_state (expires_at);

-- One sealed known value per purpose, so a start-up with another LICENSEBOT_SECRETS_KEY than the
-- one the stored secrets were sealed with stops with a clear message instead of failing later.
CREATE TABLE secrets_key_check (
    purpose  VARCHAR(32)  NOT NULL,
    sealed   VARCHAR(255) NOT NULL,
    PRIMARY KEY (purpose)
);
