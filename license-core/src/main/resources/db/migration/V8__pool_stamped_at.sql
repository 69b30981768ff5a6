-- Issue 21, part 4: the daily max counted more licenses than the pool ever held. A session was
-- stamped with the clock read when its open began, but took its license only once it had the pool
-- row's lock; an open that waited (for a connection, for the lock, behind a deadlock retry) was
-- stamped before logouts that gave licenses back ahead of it, so it seemed to overlap them.
-- stamped_at is the latest instant written on any take or release of the pool's licenses, kept
-- under the pool row's lock by every statement that changes held (SessionPoolCounter), and for
-- the USER pool by every allocation and deactivation, which now lock its row first. A take is
-- stamped no earlier than it, so every release that came before a take in lock order ends no later
-- than that take starts, and the sweep over the stamps never counts more than held was.
ALTER TABLE license_pool ADD COLUMN stamped_at DATETIME(3) NOT NULL DEFAULT '2000-01-01 00:00:00';
-- Every stamp written before this migration: a take from now on starts no earlier than any of them.
UPDATE license_pool SET stamped_at = COALESCE((
    SELECT MAX(GREATEST(s.started_at, COALESCE(s.ended_at, s.started_at))) FROM agent_session s
    WHERE s.tenant_id = license_pool.tenant_id
), stamped_at) WHERE pool = 'SESSION';
UPDATE license_pool SET stamped_at = COALESCE((
    SELECT MAX(GREATEST(p.allocated_at, COALESCE(p.released_at, p.allocated_at))) FROM user_license_period p
    WHERE p.tenant_id = license_pool.tenant_id
), stamped_at) WHERE pool = 'USER';
