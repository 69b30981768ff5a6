-- Issue 7, B2: every heartbeat moves its session's expires_at, and every index holding expires_at
-- has its entry deleted and inserted again with it. ix_agent_session_expiry served one query only,
-- the timeout sweep's "which tenants have lapsed timeouts"; that query now probes
-- ix_agent_session_open (tenant_id, ended_at, expires_at) once per tenant instead
-- (SessionRepository.tenantsWithLapsedTimeouts), so this index only cost heartbeats.
DROP INDEX ix_agent_session_expiry ON agent_session;
