-- Bumped by every import that rewrites past days. The usage cache stores a computed day only if
-- the version is still the one it read before computing, so a concurrent import cannot leave a
-- stale maximum behind.
ALTER TABLE tenant ADD COLUMN history_version BIGINT NOT NULL DEFAULT 0;
