-- Issue 7, B1: allocation counted the tenant's open sessions under the pool's row lock, so every
-- allocation of a tenant queued behind a COUNT that grew with its open sessions. The SESSION row
-- now keeps that count: held = the tenant's sessions with ended_at IS NULL (lapsed ones included
-- until something records their timeout). Every path that opens or closes a session changes it in
-- the same transaction, under the pool row's lock (SessionLicenses, Terminations, TimeoutSweeper).
-- The USER row keeps 0: user licenses are counted from platform_user, which is small.
ALTER TABLE license_pool ADD COLUMN held INT NOT NULL DEFAULT 0;
UPDATE license_pool SET held = (
    SELECT COUNT(*) FROM agent_session s WHERE s.tenant_id = license_pool.tenant_id AND s.ended_at IS NULL
) WHERE pool = 'SESSION';

-- Issue 7, B2: a heartbeat rewrote session_interaction every time, though agents mostly repeat
-- themselves. The hash of the open interactions as last stored lets a repeated heartbeat be one
-- UPDATE. NULL (sessions from before this migration) never matches, so their next heartbeat rewrites.
ALTER TABLE agent_session ADD COLUMN interactions_hash VARCHAR(44);
