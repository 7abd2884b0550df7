-- Each plugin's key-value store (BotContext.store()): its keys, each with one value. A CACHED
-- table: plugins may keep many keys, and they are read one at a time by primary key.
CREATE CACHED TABLE plugin_store (
    plugin     VARCHAR(128)   NOT NULL,
    k          VARCHAR(200)   NOT NULL,
    v          VARCHAR(65536) NOT NULL,
    updated_at BIGINT         NOT NULL,  -- epoch ms
    PRIMARY KEY (plugin, k)
);
