-- Issue 23: every conversation the bot was added to (a personal chat, a group chat, a team's
-- channel), so that it can write there first (the alerts of the next issue); a row goes when the
-- bot is removed. Keyed by the chat platform's own conversation id, which is unique on it.
-- chat_tenant_id is the platform's organization (Teams: the Entra tenant id), linked to a tenant
-- by teams_tenant_link when someone links it, not here: a conversation may come before the link.
CREATE TABLE chat_conversation (
    surface          VARCHAR(16)  NOT NULL,
    conversation_id  VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    chat_tenant_id   VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    service_url      VARCHAR(512) NOT NULL,
    scope            VARCHAR(16)  NOT NULL,
    team_id          VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    added_by         VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    added_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (surface, conversation_id)
);
CREATE INDEX ix_chat_conversation_tenant ON chat_conversation (surface, chat_tenant_id);
