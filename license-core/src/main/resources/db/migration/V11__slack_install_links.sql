-- Install links (issue 23): an operator makes one for a tenant; the Slack install completed
-- through it links that workspace (or Enterprise Grid organization) to the tenant. Single-use:
-- used_at is set once, by the callback that completes the install. `state` is the OAuth state of
-- the install page the link last opened, so the callback can find the link again.
CREATE TABLE slack_install_link (
    id          VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    tenant_id   VARCHAR(36)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL,
    state       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    used_at     DATETIME(3),
    used_for    VARCHAR(140),
    PRIMARY KEY (id),
    CONSTRAINT fk_slack_install_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_slack_install_link_state ON slack_install_link (state);
