-- Today's peak cannot be cached as a day, since today is still moving. But its settled part can:
-- before an instant safely in the past, intervals only change through imports (which forget the
-- cache and bump history_version), so the peak over [from_at, until_at) is final. from_at is the
-- start of the tenant's day and until_at a checkpoint of it. The number of licenses held at
-- until_at (held) is just as final, so a usage call needs only the starts and ends since the
-- newest checkpoint (see TodayPeak), not the sessions carried into it. Rows of earlier
-- checkpoints are deleted as newer ones are stored: a tenant holds one or two rows per pool.
CREATE TABLE settled_peak (
    tenant_id  VARCHAR(36) NOT NULL,
    pool       VARCHAR(16) NOT NULL,
    from_at    DATETIME(3) NOT NULL,
    until_at   DATETIME(3) NOT NULL,
    peak       INT         NOT NULL,
    held       INT         NOT NULL,
    PRIMARY KEY (tenant_id, pool, from_at, until_at),
    CONSTRAINT fk_settled_peak_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
