-- The Active Agents list reads open sessions (ended_at IS NULL) in the order of one of three
-- columns (SessionSort). With only (tenant_id, <column>) to sort by, MariaDB chose to walk the
-- tenant's whole history in that order and drop the closed sessions one by one: 0.8-1.1 s a page
-- at 100 k closed sessions (docs/benchmarks.md, B4). With ended_at second, the open sessions are
-- one range already in list order (the primary key's id follows as the tie-break), so a page
-- reads its offset plus its rows, whatever the history's size.
CREATE INDEX ix_agent_session_open_started ON agent_session (tenant_id, ended_at, started_at);
CREATE INDEX ix_agent_session_open_username ON agent_session (tenant_id, ended_at, username);
CREATE INDEX ix_agent_session_open_interactions ON agent_session (tenant_id, ended_at, open_interactions);
-- Their only reader was that list; the indexes above serve it, so they would only slow writes.
DROP INDEX ix_agent_session_username ON agent_session;
DROP INDEX ix_agent_session_interactions ON agent_session;
