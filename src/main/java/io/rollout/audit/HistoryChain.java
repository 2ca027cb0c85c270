package io.rollout.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.IncidentState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tamper evidence for the engine history that the audit timeline shows ({@link AuditTimeline}): process instances
 * started and ended, tasks created, assigned and completed, variable updates, incidents, and who claimed, assigned
 * or completed a task (the operation log). The engine hands every history event to this handler besides its own
 * database handler; when the transaction commits, every entry the transaction wrote is read back as stored and
 * appended to the chain of its project (the process instance's business key) as one row: the entry's SHA-256 digest
 * over the fields the timeline shows, the hash of the row before and the row's own hash, the chain's head kept in
 * {@code history_chain_head}. The last row of an entry is how the engine left it: {@link HistoryChainCheck} finds an
 * entry deleted or changed since, by database hand, and tells it apart from history the engine's cleanup removed
 * after its removal time (each cleanup run is chained too, under {@link #CLEANUP}).
 * <p>
 * Cost per transaction: the written entries read back by id, one statement per entry type; per project one head row
 * locked at commit, one batch of inserts and one update. The head is locked last, just before commit, so the lock is held briefly and never
 * before a decision-log lock: no deadlock with {@link DecisionLog}.
 */
@Component
class HistoryChain implements HistoryEventHandler {

    /** The chain of instances without a business key. */
    static final String NO_KEY = "-";
    /** The chain of the engine's history cleanup runs. */
    static final String CLEANUP = "#cleanup";

    private static final int CACHED_KEYS = 10_000;
    /** Ids per statement when entries are read back by id. */
    static final int CHUNK = 500;

    private final DataSource dataSource;
    // business keys of instances seen lately: set at start, they do not change afterwards
    private final Map<String, String> businessKeys = new ConcurrentHashMap<>();

    HistoryChain(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One entry as chained: what it is, where it belongs, a name to report it by, and the digest of its fields. */
    record Entry(
            String type,
            String id,
            String processInstanceId,
            String rootProcessInstanceId,
            String label,
            Date removalTime,
            String digest) {

        Entry {
            label = label == null || label.length() <= 255 ? label : label.substring(0, 255);
        }
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (chained(event)) {
            pending().events.add(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /** Chains a run of the engine's history cleanup: history whose removal time is before it may be gone. */
    void cleanupRuns() {
        pending().cleanups.add(ClockUtil.getCurrentTime());
    }

    private boolean chained(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            // the timeline shows the variable's updates (ACT_HI_DETAIL), written only at history level full
            return variable.getProcessInstanceId() != null
                    && !variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE)
                    && Context.getProcessEngineConfiguration()
                            .getHistoryLevel()
                            .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, variable);
        }
        if (event instanceof UserOperationLogEntryEventEntity operation) {
            return operation.getProcessInstanceId() != null && "Task".equals(operation.getEntityType());
        }
        return event.getProcessInstanceId() != null
                && (event instanceof HistoricProcessInstanceEventEntity
                        || event instanceof HistoricTaskInstanceEventEntity
                        || event instanceof HistoricIncidentEventEntity);
    }

    /** What the timeline calls the entry an event writes. */
    static String type(HistoryEvent event) {
        return event instanceof HistoricProcessInstanceEventEntity
                ? "process"
                : event instanceof HistoricTaskInstanceEventEntity
                        ? "task"
                        : event instanceof HistoricVariableUpdateEventEntity
                                ? "variable"
                                : event instanceof HistoricIncidentEventEntity ? "incident" : "operation";
    }

    /**
     * Per entry type: the statement reading the stored entries by id. The digest is taken from the row as the engine
     * stored it, not from the event: an event that updates an entry does not carry every field of it, and the
     * engine's update writes only some columns.
     */
    static final Map<String, String> READS = Map.of(
            "process", """
            select ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, START_USER_ID_,
                   DELETE_REASON_, STATE_, REMOVAL_TIME_ from ACT_HI_PROCINST where ID_ in (%s)""",
            "task", """
            select ID_, PROC_INST_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, START_TIME_, END_TIME_, DELETE_REASON_
            from ACT_HI_TASKINST where ID_ in (%s)""",
            "variable", """
            select d.ID_, d.PROC_INST_ID_, d.NAME_, d.VAR_TYPE_, d.TIME_, d.TEXT_, d.TEXT2_, d.LONG_, d.DOUBLE_, b.BYTES_
            from ACT_HI_DETAIL d left join ACT_GE_BYTEARRAY b on b.ID_ = d.BYTEARRAY_ID_ where d.ID_ in (%s)""",
            "incident", """
            select ID_, PROC_INST_ID_, CREATE_TIME_, END_TIME_, ACTIVITY_ID_, INCIDENT_MSG_, INCIDENT_STATE_
            from ACT_HI_INCIDENT where ID_ in (%s)""",
            "operation", """
            select ID_, PROC_INST_ID_, OPERATION_TYPE_, ENTITY_TYPE_, PROPERTY_, NEW_VALUE_, USER_ID_, TASK_ID_,
                   TIMESTAMP_ from ACT_HI_OP_LOG where ID_ in (%s)""");

    /** The column of {@link #READS} that names an entry in a report: process key, task, variable, element, operation. */
    static final Map<String, Integer> LABELS =
            Map.of("process", 3, "task", 3, "variable", 3, "incident", 5, "operation", 3);

    /** The digest of one stored entry, a row of its {@link #READS} statement: the fields the timeline shows. */
    static String storedDigest(String type, ResultSet rs) throws SQLException {
        return switch (type) {
            case "process" ->
                digest(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5),
                        rs.getTimestamp(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(6) == null ? null : rs.getString(9));
            case "task" ->
                digest(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6),
                        rs.getTimestamp(7),
                        rs.getString(8));
            case "variable" ->
                digest(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, Long.class),
                        rs.getObject(9, Double.class),
                        rs.getBytes(10));
            case "incident" ->
                digest(
                        rs.getString(2),
                        rs.getTimestamp(3),
                        rs.getTimestamp(4),
                        rs.getString(5),
                        rs.getString(6),
                        incidentState(rs.getInt(7)));
            case "operation" ->
                digest(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9));
            default -> throw new IllegalArgumentException("no history entry type " + type);
        };
    }

    /** An incident's state as stored ({@code INCIDENT_STATE_}), in the words the digest uses. */
    static String incidentState(int code) {
        return code == IncidentState.DELETED.getStateCode()
                ? "deleted"
                : code == IncidentState.RESOLVED.getStateCode() ? "resolved" : "open";
    }

    /**
     * SHA-256 over the parts, each written with its length so that no two different entries give the same text;
     * dates as epoch milliseconds, bytes by their own SHA-256.
     */
    static String digest(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            String value = part == null
                    ? null
                    : part instanceof Date date
                            ? Long.toString(date.getTime())
                            : part instanceof byte[] bytes ? sha256(bytes) : part.toString();
            text.append(value == null ? "-1:" : value.length() + ":" + value).append('|');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of one chain row over the row before it and every stored field. */
    static String rowHash(String previousHash, long seq, String chainKey, Entry e, Date recordedAt) {
        return digest(
                previousHash,
                seq,
                chainKey,
                e.type(),
                e.id(),
                e.processInstanceId(),
                e.rootProcessInstanceId(),
                e.label(),
                e.removalTime(),
                e.digest(),
                recordedAt);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // --- per transaction ------------------------------------------------------------------------------------------

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("The engine wrote history outside a transaction: it cannot be chained");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** The history events and cleanup runs of one transaction, chained just before it commits. */
    private final class Pending implements TransactionSynchronization {

        final List<HistoryEvent> events = new ArrayList<>();
        final List<Date> cleanups = new ArrayList<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(HistoryChain.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(HistoryChain.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            append(this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(HistoryChain.this);
        }
    }

    private void append(Pending pending) {
        // each entry once, in the order the transaction first wrote it; its ids are given by now
        Map<String, HistoryEvent> entries = new LinkedHashMap<>();
        for (HistoryEvent event : pending.events) {
            entries.putIfAbsent(type(event) + ":" + event.getId(), event);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Map<String, List<String>> idsByType = new LinkedHashMap<>();
            entries.forEach((key, event) -> idsByType
                    .computeIfAbsent(type(event), t -> new ArrayList<>())
                    .add(event.getId()));
            Map<String, Stored> stored = new HashMap<>();
            for (Map.Entry<String, List<String>> ids : idsByType.entrySet()) {
                stored.putAll(read(connection, ids.getKey(), ids.getValue()));
            }
            Map<String, List<Entry>> chains = new TreeMap<>();
            for (Map.Entry<String, HistoryEvent> written : entries.entrySet()) {
                Stored row = stored.get(written.getKey());
                if (row == null) {
                    // written and removed again within the transaction: nothing left to check later
                    continue;
                }
                HistoryEvent event = written.getValue();
                Stored instance = stored.get("process:" + event.getProcessInstanceId());
                String key = instance != null
                        ? instance.businessKey()
                        : businessKey(connection, event.getProcessInstanceId());
                chains.computeIfAbsent(key == null ? NO_KEY : key, k -> new ArrayList<>())
                        .add(new Entry(
                                type(event),
                                event.getId(),
                                event.getProcessInstanceId(),
                                event.getRootProcessInstanceId(),
                                row.label(),
                                row.removalTime(),
                                row.digest()));
            }
            for (Date run : pending.cleanups) {
                chains.computeIfAbsent(CLEANUP, k -> new ArrayList<>())
                        .add(new Entry("cleanup", Long.toString(run.getTime()), null, null, null, run, digest(run)));
            }
            // heads locked in one order by every transaction
            for (Map.Entry<String, List<Entry>> chain : chains.entrySet()) {
                append(connection, chain.getKey(), chain.getValue());
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not chain the engine history: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * An entry as stored: its digest, its name, and for a process instance its business key and removal time (the
     * engine gives a root's tree its removal time by one update when the root ends, not through an event).
     */
    private record Stored(String digest, String label, String businessKey, Date removalTime) {}

    private static Map<String, Stored> read(Connection connection, String type, List<String> ids) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        boolean process = type.equals("process");
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select =
                    connection.prepareStatement(READS.get(type).formatted(marks))) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stored.put(
                                type + ":" + rs.getString(1),
                                new Stored(
                                        storedDigest(type, rs),
                                        rs.getString(LABELS.get(type)),
                                        process ? rs.getString(2) : null,
                                        process ? rs.getTimestamp(10) : null));
                    }
                }
            }
        }
        return stored;
    }

    // the chain's head, locked until the transaction ends; null for a chain not started yet
    private static Object[] lockHead(Connection connection, String chainKey) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "select seq, hash from history_chain_head where chain_key = ? for update")) {
            head.setString(1, chainKey);
            try (ResultSet rs = head.executeQuery()) {
                return rs.next() ? new Object[] {rs.getLong(1), rs.getString(2)} : null;
            }
        }
    }

    private static void startChain(Connection connection, String chainKey) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement start =
                connection.prepareStatement("insert into history_chain_head (chain_key, seq, hash) values (?, 0, ?)")) {
            start.setString(1, chainKey);
            start.setString(2, AuditChain.GENESIS);
            start.executeUpdate();
        } catch (SQLException startedElsewhere) {
            // another transaction started the same chain at the same moment: its head is locked next
            connection.rollback(savepoint);
        }
    }

    private String businessKey(Connection connection, String processInstanceId) throws SQLException {
        String known = businessKeys.get(processInstanceId);
        if (known != null) {
            return known;
        }
        String key = NO_KEY;
        try (PreparedStatement select =
                connection.prepareStatement("select BUSINESS_KEY_ from ACT_HI_PROCINST where ID_ = ?")) {
            select.setString(1, processInstanceId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    key = rs.getString(1);
                }
            }
        }
        remember(processInstanceId, key);
        return key;
    }

    private void remember(String processInstanceId, String key) {
        if (businessKeys.size() > CACHED_KEYS) {
            businessKeys.clear();
        }
        businessKeys.put(processInstanceId, key);
    }

    private static void append(Connection connection, String chainKey, List<Entry> entries) throws SQLException {
        Object[] head = lockHead(connection, chainKey);
        if (head == null) {
            startChain(connection, chainKey);
            head = lockHead(connection, chainKey);
        }
        long seq = (Long) head[0];
        String previous = (String) head[1];
        Date now = ClockUtil.getCurrentTime();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into history_chain (chain_key, chain_seq, entity_type, entity_id, process_instance_id,
                    root_process_instance_id, label, removal_time, digest, recorded_at, prev_hash, record_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Entry e : entries) {
                seq++;
                String hash = rowHash(previous, seq, chainKey, e, now);
                insert.setString(1, chainKey);
                insert.setLong(2, seq);
                insert.setString(3, e.type());
                insert.setString(4, e.id());
                insert.setString(5, e.processInstanceId());
                insert.setString(6, e.rootProcessInstanceId());
                insert.setString(7, e.label());
                insert.setTimestamp(
                        8,
                        e.removalTime() == null
                                ? null
                                : new Timestamp(e.removalTime().getTime()));
                insert.setString(9, e.digest());
                insert.setTimestamp(10, new Timestamp(now.getTime()));
                insert.setString(11, previous);
                insert.setString(12, hash);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
        try (PreparedStatement update =
                connection.prepareStatement("update history_chain_head set seq = ?, hash = ? where chain_key = ?")) {
            update.setLong(1, seq);
            update.setString(2, previous);
            update.setString(3, chainKey);
            update.executeUpdate();
        }
    }
}
