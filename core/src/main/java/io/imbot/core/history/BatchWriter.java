package io.imbot.core.history;

import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes one {@link WriteBatch} in one transaction over one plain JDBC connection with its
 * statements prepared once. Runs only on the history's single writer thread; never on an event
 * loop.
 */
final class BatchWriter implements AutoCloseable {

    private final DataSource dataSource;
    private Connection conn;
    private PreparedStatement insertOutbound;
    private PreparedStatement mergeOutbound;
    private PreparedStatement selectOutbound;
    private PreparedStatement insertOutbox;
    private PreparedStatement deleteOutbox;
    private PreparedStatement mergeInbound;
    private PreparedStatement insertInbox;
    private PreparedStatement deleteInbox;
    private PreparedStatement updateStatus;
    private PreparedStatement mergeConversation;

    BatchWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes and commits {@code b}; returns which messages were new. On failure nothing is
     * committed. Outbound messages are inserted, except replies that may have been stored before
     * (see {@link MessageStore#saveOutboundOnce}); should an insert still meet a stored ID, the
     * batch is written again treating every outbound message that way, rather than failing all.
     */
    WriteBatch.Result write(WriteBatch b) throws SQLException {
        try {
            return write(b, false);
        } catch (SQLException e) {
            if (!isDuplicateKey(e) || b.outbound.isEmpty()) {
                throw e;
            }
            return write(b, true);
        }
    }

    private WriteBatch.Result write(WriteBatch b, boolean everyOutboundOnce) throws SQLException {
        open();
        try {
            long now = System.currentTimeMillis();
            // Statuses first: each is about a message committed by an earlier batch, and a reply
            // stored again below (same derived ID) must find the outcome it ended with.
            if (!b.statuses.isEmpty()) {
                writeStatuses(b);
            }
            MessageRecord[] outbound = writeOutbound(b, now, everyOutboundOnce);
            boolean[] inboundIsNew = writeInbound(b, now);
            if (!b.handled.isEmpty()) {
                for (WriteBatch.Handled h : b.handled) {
                    deleteInbox.setString(1, h.connection());
                    deleteInbox.setString(2, h.from());
                    deleteInbox.setString(3, h.id());
                    deleteInbox.addBatch();
                }
                deleteInbox.executeBatch();
            }
            updateConversations(b, outbound, inboundIsNew, now);
            conn.commit();
            return new WriteBatch.Result(outbound, inboundIsNew);
        } catch (SQLException | RuntimeException e) {
            rollbackAndForget();
            throw e;
        }
    }

    /** A unique constraint refused a row (SQLSTATE class 23), anywhere in the chain. */
    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
            if (s.getCause() instanceof SQLException cause && cause.getSQLState() != null && cause.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * New messages go into the outbox. A message saved "once" whose ID is stored already is not
     * inserted again: the message stored before is returned in its place.
     */
    private MessageRecord[] writeOutbound(WriteBatch b, long now, boolean everyOnce) throws SQLException {
        int n = b.outbound.size();
        MessageRecord[] stored = new MessageRecord[n];
        if (n == 0) {
            return stored;
        }
        boolean anyInsert = false;
        boolean anyMerge = false;
        for (int i = 0; i < n; i++) {
            boolean once = everyOnce || b.outboundOnce.get(i);
            bindMessage(once ? mergeOutbound : insertOutbound, b.outbound.get(i), now);
            (once ? mergeOutbound : insertOutbound).addBatch();
            anyInsert |= !once;
            anyMerge |= once;
        }
        int[] inserted = anyInsert ? insertOutbound.executeBatch() : new int[0];
        int[] merged = anyMerge ? mergeOutbound.executeBatch() : new int[0];
        int nextInsert = 0;
        int nextMerge = 0;
        boolean anyNew = false;
        for (int i = 0; i < n; i++) {
            boolean once = everyOnce || b.outboundOnce.get(i);
            int count = once ? merged[nextMerge++] : inserted[nextInsert++];
            if (count > 0) {
                stored[i] = b.outbound.get(i);
                insertOutbox.setLong(1, stored[i].seq());
                insertOutbox.addBatch();
                anyNew = true;
            }
        }
        if (anyNew) { // HSQLDB refuses an empty batch
            insertOutbox.executeBatch();
        }
        for (int i = 0; i < n; i++) {
            if (stored[i] == null) {
                stored[i] = storedBefore(b.outbound.get(i));
            }
        }
        return stored;
    }

    private MessageRecord storedBefore(MessageRecord m) throws SQLException {
        selectOutbound.setString(1, m.connection());
        selectOutbound.setString(2, m.from());
        selectOutbound.setString(3, m.id());
        try (ResultSet rs = selectOutbound.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("outbound message " + m.id() + " was neither inserted nor found");
            }
            return new MessageRecord(rs.getLong(1), Direction.OUTBOUND, rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getLong(8), DeliveryStatus.valueOf(rs.getString(9)), rs.getInt(10),
                    rs.getString(11));
        }
    }

    /** New inbound messages are unhandled until their bots are done: they go into the inbox. */
    private boolean[] writeInbound(WriteBatch b, long now) throws SQLException {
        boolean[] isNew = new boolean[b.inbound.size()];
        if (isNew.length == 0) {
            return isNew;
        }
        for (MessageRecord m : b.inbound) {
            bindMessage(mergeInbound, m, now);
            mergeInbound.addBatch();
        }
        int[] counts = mergeInbound.executeBatch();
        boolean anyNew = false;
        for (int i = 0; i < isNew.length; i++) {
            isNew[i] = counts[i] > 0;
            if (isNew[i]) {
                MessageRecord m = b.inbound.get(i);
                insertInbox.setString(1, m.connection());
                insertInbox.setString(2, m.from());
                insertInbox.setString(3, m.id());
                insertInbox.setLong(4, m.seq());
                insertInbox.addBatch();
                anyNew = true;
            }
        }
        if (anyNew) {
            insertInbox.executeBatch();
        }
        return isNew;
    }

    /**
     * A message's end takes its row out of the outbox. The stored row already says ACKNOWLEDGED
     * with one attempt, so only other outcomes update it.
     */
    private void writeStatuses(WriteBatch b) throws SQLException {
        boolean updates = false;
        boolean deletes = false;
        for (WriteBatch.StatusChange s : b.statuses) {
            if (s.status() != DeliveryStatus.PENDING) {
                deleteOutbox.setString(1, s.connection());
                deleteOutbox.setString(2, s.sender());
                deleteOutbox.setString(3, s.id());
                deleteOutbox.addBatch();
                deletes = true;
            }
            if (s.status() == DeliveryStatus.ACKNOWLEDGED && s.attempts() == 1 && s.reason() == null) {
                continue;
            }
            updateStatus.setString(1, s.status().name());
            updateStatus.setInt(2, s.attempts());
            updateStatus.setLong(3, s.at());
            if (s.reason() == null) {
                updateStatus.setNull(4, Types.VARCHAR);
            } else {
                updateStatus.setString(4, s.reason());
            }
            updateStatus.setString(5, s.connection());
            updateStatus.setString(6, s.sender());
            updateStatus.setString(7, s.id());
            updateStatus.addBatch();
            updates = true;
        }
        if (deletes) { // HSQLDB refuses an empty batch
            deleteOutbox.executeBatch();
        }
        if (updates) {
            updateStatus.executeBatch();
        }
    }

    private static void bindMessage(PreparedStatement ps, MessageRecord m, long now) throws SQLException {
        ps.setLong(1, m.seq());
        ps.setString(2, m.id());
        ps.setString(3, m.conversation());
        ps.setString(4, m.from());
        ps.setString(5, m.to());
        ps.setString(6, m.body());
        ps.setLong(7, m.createdAt());
        ps.setLong(8, now);
        ps.setString(9, m.connection());
    }

    /**
     * Each conversation's latest message, message count and unanswered count (new inbound messages
     * since the last outbound one), taking the batch's messages in arrival order.
     */
    private void updateConversations(WriteBatch b, MessageRecord[] outbound, boolean[] inboundIsNew, long now) throws SQLException {
        Map<Key, MessageRecord> latest = new LinkedHashMap<>();
        Map<Key, Integer> counts = new LinkedHashMap<>();
        Map<Key, Integer> unanswered = new HashMap<>(); // since the batch's last outbound message, if any
        Set<Key> answered = new HashSet<>(); // has an outbound message in this batch: the stored count restarts
        int inboundIndex = 0;
        int outboundIndex = 0;
        for (MessageRecord m : b.arrivals) {
            boolean isNew = m.direction() == Direction.INBOUND ? inboundIsNew[inboundIndex++] : outbound[outboundIndex++] == m;
            if (!isNew) {
                continue; // a redelivery, or a reply stored before: already counted and shown
            }
            Key key = new Key(m.connection(), m.conversation());
            latest.put(key, m);
            counts.merge(key, 1, Integer::sum);
            if (m.direction() == Direction.INBOUND) {
                unanswered.merge(key, 1, Integer::sum);
            } else {
                unanswered.put(key, 0);
                answered.add(key);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        for (MessageRecord m : latest.values()) {
            Key key = new Key(m.connection(), m.conversation());
            String preview = Conversation.preview(m.body());
            mergeConversation.setString(1, m.conversation());
            mergeConversation.setString(2, m.id());
            mergeConversation.setString(3, m.direction() == Direction.INBOUND ? "I" : "O");
            mergeConversation.setString(4, m.from());
            mergeConversation.setString(5, preview);
            mergeConversation.setLong(6, now);
            mergeConversation.setLong(7, counts.get(key));
            mergeConversation.setLong(8, unanswered.get(key));
            mergeConversation.setBoolean(9, answered.contains(key));
            mergeConversation.setString(10, m.connection());
            mergeConversation.addBatch();
        }
        mergeConversation.executeBatch();
    }

    /** A conversation is named within its connection. */
    private record Key(String connection, String conversation) {}

    private void open() throws SQLException {
        if (conn != null) {
            return;
        }
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            insertOutbound = c.prepareStatement(Sql.INSERT_OUTBOUND);
            mergeOutbound = c.prepareStatement(Sql.MERGE_OUTBOUND);
            selectOutbound = c.prepareStatement(Sql.SELECT_OUTBOUND);
            insertOutbox = c.prepareStatement(Sql.INSERT_OUTBOX);
            deleteOutbox = c.prepareStatement(Sql.DELETE_OUTBOX);
            mergeInbound = c.prepareStatement(Sql.MERGE_INBOUND);
            insertInbox = c.prepareStatement(Sql.INSERT_INBOX);
            deleteInbox = c.prepareStatement(Sql.DELETE_INBOX);
            updateStatus = c.prepareStatement(Sql.UPDATE_STATUS);
            mergeConversation = c.prepareStatement(Sql.MERGE_CONVERSATION);
            conn = c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** After a failure the connection may be in any state: roll back and start over with a new one next time. */
    private void rollbackAndForget() {
        Connection c = conn;
        conn = null;
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // closing below discards the transaction anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    @Override
    public void close() {
        rollbackAndForget();
    }
}
