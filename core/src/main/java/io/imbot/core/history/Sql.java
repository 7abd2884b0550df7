package io.imbot.core.history;

/**
 * The statements of the message store. Every value is a parameter; nothing is concatenated.
 *
 * <p>An outbound message is PENDING while its seq is in {@code outbox}; otherwise its status is
 * {@code messages.status} (see V2__outbox.sql). The SELECTs join the two.
 */
final class Sql {

    private Sql() {}

    /** Written as the usual outcome; the outbox row (same transaction) makes it PENDING until it ends. */
    static final String INSERT_OUTBOUND = "INSERT INTO messages"
            + " (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, connection, status, attempts)"
            + " VALUES (?, 'O', ?, ?, ?, ?, ?, ?, ?, ?, 'ACKNOWLEDGED', 1)";

    /**
     * Like {@link #INSERT_OUTBOUND} unless the bot's (sender, id) exists: a reply's derived ID repeats
     * when its message is dispatched again after a crash. Only for those: a MERGE costs HSQLDB about
     * twice an INSERT.
     */
    static final String MERGE_OUTBOUND = "MERGE INTO messages m USING (VALUES ("
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(80)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(80)),"
            + " CAST(? AS VARCHAR(1048576)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(32))))"
            + " AS v(seq, id, conversation, sender, recipient, body, created_at, stored_at, connection)"
            + " ON m.connection = v.connection AND m.direction = 'O' AND m.sender = v.sender AND m.id = v.id"
            + " WHEN NOT MATCHED THEN INSERT"
            + " (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, connection, status, attempts)"
            + " VALUES (v.seq, 'O', v.id, v.conversation, v.sender, v.recipient, v.body, v.created_at, v.stored_at, v.connection,"
            + " 'ACKNOWLEDGED', 1)";

    static final String INSERT_OUTBOX = "INSERT INTO outbox (seq) VALUES (?)";

    /** Ends a message: its outbox row goes. Found by (connection, sender, id) through the unique index. */
    static final String DELETE_OUTBOX = "DELETE FROM outbox WHERE seq = (SELECT seq FROM messages"
            + " WHERE connection = ? AND direction = 'O' AND sender = ? AND id = ?)";

    /** A new inbound message is unhandled until its bots are done: see V3__inbox.sql. */
    static final String INSERT_INBOX = "INSERT INTO inbox (connection, sender, id, seq) VALUES (?, ?, ?, ?)";

    static final String DELETE_INBOX = "DELETE FROM inbox WHERE connection = ? AND sender = ? AND id = ?";

    /** Inserts unless (direction, sender, id) exists; the update count tells which happened. */
    static final String MERGE_INBOUND = "MERGE INTO messages m USING (VALUES ("
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(80)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(80)),"
            + " CAST(? AS VARCHAR(1048576)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(32))))"
            + " AS v(seq, id, conversation, sender, recipient, body, created_at, stored_at, connection)"
            + " ON m.connection = v.connection AND m.direction = 'I' AND m.sender = v.sender AND m.id = v.id"
            + " WHEN NOT MATCHED THEN INSERT"
            + " (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, connection, status, attempts)"
            + " VALUES (v.seq, 'I', v.id, v.conversation, v.sender, v.recipient, v.body, v.created_at, v.stored_at, v.connection,"
            + " 'RECEIVED', 0)";

    /** An outcome other than the usual one (acknowledged at the first attempt). */
    static final String UPDATE_STATUS = "UPDATE messages SET status = ?, attempts = ?, status_at = ?, reason = ?"
            + " WHERE connection = ? AND direction = 'O' AND sender = ? AND id = ?";

    /**
     * One batch's change to a conversation: its latest message, {@code n} new messages, and {@code
     * unanswered} new inbound messages after the batch's last outbound one ({@code answered} when the
     * batch has one, which restarts the stored count).
     */
    static final String MERGE_CONVERSATION = "MERGE INTO conversations c USING (VALUES ("
            + "CAST(? AS VARCHAR(80)), CAST(? AS VARCHAR(128)), CAST(? AS CHAR(1)), CAST(? AS VARCHAR(64)),"
            + " CAST(? AS VARCHAR(1048576)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BOOLEAN),"
            + " CAST(? AS VARCHAR(32))))"
            + " AS v(conversation, last_id, last_direction, last_sender, last_body, last_at, n, unanswered, answered, connection)"
            + " ON c.connection = v.connection AND c.conversation = v.conversation"
            + " WHEN MATCHED THEN UPDATE SET c.last_id = v.last_id, c.last_direction = v.last_direction,"
            + " c.last_sender = v.last_sender, c.last_body = v.last_body, c.last_at = v.last_at,"
            + " c.message_count = c.message_count + v.n,"
            + " c.unanswered = CASE WHEN v.answered THEN v.unanswered ELSE c.unanswered + v.unanswered END"
            + " WHEN NOT MATCHED THEN INSERT"
            + " (connection, conversation, last_id, last_direction, last_sender, last_body, last_at, message_count, unanswered) VALUES"
            + " (v.connection, v.conversation, v.last_id, v.last_direction, v.last_sender, v.last_body, v.last_at, v.n, v.unanswered)";

    /** The columns of a MessageRecord, with the outbox deciding PENDING. Needs {@code LEFT JOIN outbox o}. */
    static final String COLUMNS = "m.seq, m.direction, m.id, m.conversation, m.sender, m.recipient, m.body, m.created_at,"
            + " CASE WHEN o.seq IS NULL THEN m.status ELSE 'PENDING' END,"
            + " CASE WHEN o.seq IS NULL THEN m.attempts ELSE 0 END, m.connection";

    static final String SELECT_PENDING = "SELECT " + COLUMNS + " FROM outbox o JOIN messages m ON m.seq = o.seq"
            + " WHERE m.connection = ? ORDER BY o.seq";

    /** The outbound message stored under an ID, with the status it has now. */
    static final String SELECT_OUTBOUND = "SELECT " + COLUMNS + " FROM messages m LEFT JOIN outbox o ON o.seq = m.seq"
            + " WHERE m.connection = ? AND m.direction = 'O' AND m.sender = ? AND m.id = ?";

    static final String SELECT_UNHANDLED = "SELECT " + COLUMNS + " FROM inbox i JOIN messages m ON m.seq = i.seq"
            + " LEFT JOIN outbox o ON o.seq = m.seq WHERE i.connection = ? ORDER BY i.seq";

    static final String SELECT_LATEST_OF_CONVERSATION = "SELECT " + COLUMNS + " FROM messages m LEFT JOIN outbox o ON o.seq = m.seq"
            + " WHERE m.conversation = ? ORDER BY m.seq DESC LIMIT ?";

    /** Like {@link #SELECT_LATEST_OF_CONVERSATION}, on one connection. */
    static final String SELECT_LATEST_OF_CONVERSATION_ON = "SELECT " + COLUMNS + " FROM messages m LEFT JOIN outbox o ON o.seq = m.seq"
            + " WHERE m.conversation = ? AND m.connection = ? ORDER BY m.seq DESC LIMIT ?";

    static final String SELECT_LATEST = "SELECT " + COLUMNS + " FROM messages m LEFT JOIN outbox o ON o.seq = m.seq"
            + " ORDER BY m.seq DESC LIMIT ?";

    /**
     * The conversations, most recently active first. Rows stored in one batch share {@code last_at};
     * the latest message's seq (found through the unique index) orders them by arrival.
     */
    static final String SELECT_CONVERSATIONS = "SELECT c.conversation, c.last_id, c.last_direction, c.last_sender,"
            + " c.last_body, c.last_at, c.message_count, c.unanswered, c.connection FROM conversations c"
            + " LEFT JOIN messages m ON m.connection = c.connection AND m.direction = c.last_direction"
            + " AND m.sender = c.last_sender AND m.id = c.last_id"
            + " ORDER BY c.last_at DESC, m.seq DESC LIMIT ?";

    /**
     * Rows retention may remove: stored before every message still in the outbox (being sent) and
     * every one still in the inbox (not handled), so a restart finds all it needs, replies included.
     */
    private static final String PRUNABLE = "p.seq < COALESCE((SELECT MIN(seq) FROM outbox), 9223372036854775807)"
            + " AND p.seq < COALESCE((SELECT MIN(seq) FROM inbox), 9223372036854775807)";

    /**
     * Of the oldest prunable rows (at most the limit, found through the primary key), removes those
     * stored before the time given. Seq follows arrival, so once a batch removes fewer than the limit
     * the rest is younger.
     */
    static final String PRUNE_OLDEST = "DELETE FROM messages WHERE seq IN (SELECT p.seq FROM messages p WHERE " + PRUNABLE
            + " ORDER BY p.seq LIMIT ?) AND stored_at < ?";

    /** Conversations that ever had more messages than the number given: the candidates of a count limit. */
    static final String SELECT_CONVERSATIONS_OVER = "SELECT connection, conversation FROM conversations WHERE message_count > ?";

    /** Removes up to the limit of a conversation's prunable rows older than its newest N (the offset). */
    static final String PRUNE_CONVERSATION = "DELETE FROM messages WHERE seq IN (SELECT p.seq FROM messages p"
            + " WHERE p.conversation = ? AND p.connection = ? AND " + PRUNABLE + " AND p.seq < (SELECT MIN(n.seq) FROM"
            + " (SELECT q.seq FROM messages q WHERE q.conversation = ? AND q.connection = ? ORDER BY q.seq DESC LIMIT ?) n)"
            + " ORDER BY p.seq LIMIT ?)";

    static final String SELECT_MAX_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM messages";
}
