-- Issue 24: alerts before licenses run out.
-- A subscription is one chat place (a Slack channel, a Teams conversation) that receives one
-- tenant's alerts and its weekly digest. disabled_at/disabled_reason: the platform said the bot can
-- no longer write there (removed, archived); kept so that "alerts" can say why.
CREATE TABLE alert_subscription (
    id               VARCHAR(36)  NOT NULL,
    tenant_id        VARCHAR(36)  NOT NULL,
    surface          VARCHAR(16)  NOT NULL,
    workspace        VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    channel          VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    channel_name     VARCHAR(200),
    created_by       VARCHAR(254) NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    disabled_at      DATETIME(3),
    disabled_reason  VARCHAR(500),
    digest_day       VARCHAR(9)   NOT NULL,
    digest_minute    INT          NOT NULL,
    digest_sent_for  DATE,
    digest_asked_at  DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT uq_alert_subscription_place UNIQUE (surface, channel, tenant_id),
    CONSTRAINT fk_alert_subscription_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_alert_subscription_tenant ON alert_subscription (tenant_id);

-- What is watched per tenant and pool, when an advanced admin changed the defaults
-- (80, 90 and 100 %): levels as ascending percentages, "80,90,100".
CREATE TABLE alert_rule (
    tenant_id  VARCHAR(36) NOT NULL,
    pool       VARCHAR(16) NOT NULL,
    levels     VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, pool),
    CONSTRAINT fk_alert_rule_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One row per tenant that is watched: its row lock orders the evaluations of several nodes, and
-- checked_at is where the next one counts denials from. forecast_day: the tenant day the forecast
-- was last made (once a day).
CREATE TABLE alert_watch (
    tenant_id     VARCHAR(36) NOT NULL,
    checked_at    DATETIME(3) NOT NULL,
    forecast_day  DATE,
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_alert_watch_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- An incident: from the first crossing (or denial, or forecast) until resolved. live_key is
-- "tenant/pool/kind" while live and NULL after, so a tenant has at most one live incident of a kind
-- per pool (a unique key allows many NULLs on both databases). version grows with every change
-- the message shows; deliveries catch up with it.
CREATE TABLE alert_incident (
    id               VARCHAR(36)  NOT NULL,
    tenant_id        VARCHAR(36)  NOT NULL,
    pool             VARCHAR(16)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    live_key         VARCHAR(80),
    level            INT          NOT NULL,
    in_use           INT          NOT NULL,
    total            INT          NOT NULL,
    peak             INT          NOT NULL,
    denials          INT          NOT NULL,
    first_denial_at  DATETIME(3),
    full_on          DATE,
    started_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    quiet_since      DATETIME(3),
    resolved_at      DATETIME(3),
    acknowledged_by  VARCHAR(254),
    acknowledged_at  DATETIME(3),
    snoozed_by       VARCHAR(254),
    snoozed_until    DATETIME(3),
    snooze_version   BIGINT       NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_alert_incident_live UNIQUE (live_key),
    CONSTRAINT fk_alert_incident_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_alert_incident_tenant ON alert_incident (tenant_id, started_at);

-- One incident's message in one subscription. A node claims a delivery until claimed_until (a
-- lease): posting or updating happens outside any transaction, and a node that dies holding a
-- claim loses it when it runs out. message_ref: Slack's ts, Teams' activity id, once posted.
CREATE TABLE alert_delivery (
    incident_id        VARCHAR(36)  NOT NULL,
    subscription_id    VARCHAR(36)  NOT NULL,
    tenant_id          VARCHAR(36)  NOT NULL,
    surface            VARCHAR(16)  NOT NULL,
    message_ref        VARCHAR(255),
    delivered_version  BIGINT       NOT NULL,
    attempts           INT          NOT NULL,
    next_attempt_at    DATETIME(3)  NOT NULL,
    claimed_by         VARCHAR(64),
    claimed_until      DATETIME(3),
    abandoned_at       DATETIME(3),
    last_error         VARCHAR(500),
    PRIMARY KEY (incident_id, subscription_id),
    CONSTRAINT fk_alert_delivery_incident FOREIGN KEY (incident_id) REFERENCES alert_incident (id),
    CONSTRAINT fk_alert_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES alert_subscription (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_alert_delivery_due ON alert_delivery (abandoned_at, next_attempt_at);
