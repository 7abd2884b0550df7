-- The outbox: the outbound messages not finished yet, by seq. Sending adds a row, the message's
-- end removes it. It replaces updating each wide messages row on every ACK, which cost HSQLDB more
-- than the insert itself (the row and its four indexes written again, the body logged twice).
--
-- messages.status of an outbound row is the outcome it has once it leaves the outbox: written as
-- ACKNOWLEDGED with 1 attempt when the message is stored (the usual outcome, so the usual ACK only
-- deletes its outbox row) and updated only for other outcomes. While its seq is in the outbox the
-- message is PENDING. Readers go through the store, which joins the two.
--
-- A MEMORY table: it holds only unfinished messages, so it stays small, and its rows never touch
-- the .data file. As a CACHED table every deleted outbox row became free space that HSQLDB's space
-- manager re-sorted on each later insert (90% of all allocation at 5,000 msg/s, and the GC pauses
-- that came with it).
CREATE MEMORY TABLE outbox (seq BIGINT PRIMARY KEY);

INSERT INTO outbox SELECT seq FROM messages WHERE direction = 'O' AND status = 'PENDING';

UPDATE messages SET status = 'ACKNOWLEDGED', attempts = 1 WHERE direction = 'O' AND status = 'PENDING';

-- Pending messages are found through the outbox now; statuses no longer need an index.
DROP INDEX messages_by_status;

-- The latest message of each conversation is rewritten with every batch: in memory too, for the
-- same reason (one row per conversation, its preview at most 200 characters), so the .data file
-- only ever grows by new messages and never gathers free space to manage.
SET TABLE conversations TYPE MEMORY;
