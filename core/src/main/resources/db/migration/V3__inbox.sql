-- The inbox: the inbound messages not handled yet, by sender and ID (how the bots report them
-- handled) with their seq (arrival order). A new inbound message adds a row in the
-- transaction that stores it; the row goes once every bot has finished with the message and every
-- reply it caused is stored. At start the daemon shows the messages still here to the bots again,
-- in seq order, before any new one, so a crash between "stored and ACKed" and "answered" loses no
-- answer. A MEMORY table like the outbox: it holds only unfinished work, so it stays small.
--
-- Messages stored before this table existed count as handled.
CREATE MEMORY TABLE inbox (
    sender VARCHAR(64)  NOT NULL,
    id     VARCHAR(128) NOT NULL,
    seq    BIGINT       NOT NULL,
    PRIMARY KEY (sender, id)
);
