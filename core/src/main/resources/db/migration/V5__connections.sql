-- Several connections in one daemon: every message, conversation and inbox row belongs to one
-- named connection. IDs are unique per sender on one network, so the keys gain the connection;
-- rows stored before this change belong to the single connection of that time, 'main'.
ALTER TABLE messages ADD COLUMN connection VARCHAR(32) DEFAULT 'main' NOT NULL;
ALTER TABLE messages DROP CONSTRAINT messages_unique_id;
ALTER TABLE messages ADD CONSTRAINT messages_unique_id UNIQUE (connection, direction, sender, id);

ALTER TABLE conversations ADD COLUMN connection VARCHAR(32) DEFAULT 'main' NOT NULL;
ALTER TABLE conversations DROP PRIMARY KEY;
ALTER TABLE conversations ADD PRIMARY KEY (connection, conversation);

ALTER TABLE inbox ADD COLUMN connection VARCHAR(32) DEFAULT 'main' NOT NULL;
ALTER TABLE inbox DROP PRIMARY KEY;
ALTER TABLE inbox ADD PRIMARY KEY (connection, sender, id);
