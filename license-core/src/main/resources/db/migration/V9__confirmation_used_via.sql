-- Where a confirmation was used (SLACK, TEAMS, CLI, API), so whoever presses it again learns
-- who confirmed or cancelled it, where and when (issue 21). Earlier uses stay NULL.
ALTER TABLE confirmation ADD COLUMN used_via VARCHAR(16);
