-- How many inbound messages of each conversation wait for an answer: the inbound messages stored
-- since the bot last sent a message to the conversation. Each new inbound message adds one, each
-- outbound message sets it back to 0 (whatever its delivery outcome), a redelivery adds nothing
-- (it is not stored again). Kept by the writer in the same transaction as the messages.
--
-- (V3 is left to another change in flight.)
ALTER TABLE conversations ADD COLUMN unanswered BIGINT DEFAULT 0 NOT NULL;

-- Existing conversations: count from the history. seq is the order of arrival, and starts at 1.
UPDATE conversations c SET unanswered = (
    SELECT COUNT(*) FROM messages m
    WHERE m.conversation = c.conversation AND m.direction = 'I'
      AND m.seq > (SELECT COALESCE(MAX(o.seq), 0) FROM messages o
                   WHERE o.conversation = c.conversation AND o.direction = 'O'));
