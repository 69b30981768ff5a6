-- The USER pool's daily max needs the periods still held at a day's start: released later, or
-- never. Without this index that means reading every period the tenant ever had. allocated_at
-- is included so those reads never touch the table rows.
CREATE INDEX ix_user_license_period_released ON user_license_period (tenant_id, released_at, allocated_at);
