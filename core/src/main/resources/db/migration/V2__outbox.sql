-- The outbox: the outbound messages not finished yet, by seq. Sending adds a row, the message's
-- end removes it. It replaces updating each wide messages row on every ACK, which cost HSQLDB more
-- than the insert itself (the row and its four indexes written again, the body logged twice).
--
-- messages.status of an outbound row is the outcome it has once it leaves the outbox: written as
-- ACKNOWLEDGED with 1 attempt when the message is stored (the usual outcome, so the usual ACK only
-- deletes its outbox row) and updated only for other outcomes. While its seq is in the outbox the
-- message is PENDING. Readers go through the store, which joins the two.
CREATE CACHED TABLE outbox (seq BIGINT PRIMARY KEY);

INSERT INTO outbox SELECT seq FROM messages WHERE direction = 'O' AND status = 'PENDING';

UPDATE messages SET status = 'ACKNOWLEDGED', attempts = 1 WHERE direction = 'O' AND status = 'PENDING';

-- Pending messages are found through the outbox now; statuses no longer need an index.
DROP INDEX messages_by_status;
