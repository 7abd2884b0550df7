-- Every message in both directions. The outbox is the set of OUTBOUND rows still PENDING.
-- seq is given by the store's single writer in arrival order (in and out interleaved).
CREATE CACHED TABLE messages (
    seq         BIGINT         PRIMARY KEY,
    direction   CHAR(1)        NOT NULL,  -- 'I' inbound, 'O' outbound
    id          VARCHAR(128)   NOT NULL,  -- chosen by the sender; unique per sender
    conversation VARCHAR(80)   NOT NULL,  -- the peer's user name, or #room
    sender      VARCHAR(64)    NOT NULL,
    recipient   VARCHAR(80)    NOT NULL,
    body        VARCHAR(1048576) NOT NULL,
    created_at  BIGINT         NOT NULL,  -- the sender's timestamp, epoch ms
    stored_at   BIGINT         NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    attempts    INTEGER        DEFAULT 0 NOT NULL,
    status_at   BIGINT,
    reason      VARCHAR(256),
    CONSTRAINT messages_unique_id UNIQUE (direction, sender, id)
);

CREATE INDEX messages_by_conversation ON messages (conversation, seq);
CREATE INDEX messages_by_status ON messages (status, seq);

-- The latest message of each conversation.
CREATE CACHED TABLE conversations (
    conversation  VARCHAR(80)   PRIMARY KEY,
    last_id       VARCHAR(128)  NOT NULL,
    last_direction CHAR(1)      NOT NULL,
    last_sender   VARCHAR(64)   NOT NULL,
    last_body     VARCHAR(1048576) NOT NULL,
    last_at       BIGINT        NOT NULL,  -- when the latest message was stored, epoch ms
    message_count BIGINT        NOT NULL
);
