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
import java.util.Date;
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
 * database handler; when the transaction commits, every entry the transaction wrote is appended to the chain of
 * its project (the process instance's business key) as one row: the entry's SHA-256 digest over the fields the
 * timeline shows, the hash of the row before and the row's own hash, the chain's head kept in
 * {@code history_chain_head}. The last row of an entry is how the engine left it: {@link HistoryChainCheck} finds an
 * entry deleted or changed since, by database hand, and tells it apart from history the engine's cleanup removed
 * after its removal time (each cleanup run is chained too, under {@link #CLEANUP}).
 * <p>
 * Cost: a digest per event in memory; per transaction and project one head row locked at commit, one batch of
 * inserts and one update. The head is locked last, just before commit, so the lock is held briefly and never
 * before a decision-log lock: no deadlock with {@link DecisionLog}.
 */
@Component
public class HistoryChain implements HistoryEventHandler {

    /** The chain of instances without a business key. */
    static final String NO_KEY = "-";
    /** The chain of the engine's history cleanup runs. */
    static final String CLEANUP = "#cleanup";

    private static final int CACHED_KEYS = 10_000;

    private final DataSource dataSource;
    // business keys of instances seen lately: set at start, they do not change afterwards
    private final Map<String, String> businessKeys = new ConcurrentHashMap<>();

    HistoryChain(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One entry as chained: what it is, where it belongs, a name to report it by, and the digest of its fields. */
    record Entry(String type, String id, String processInstanceId, String rootProcessInstanceId, String label,
                 Date removalTime, String digest) {

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
                && Context.getProcessEngineConfiguration().getHistoryLevel()
                    .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, variable);
        }
        if (event instanceof UserOperationLogEntryEventEntity operation) {
            return operation.getProcessInstanceId() != null && "Task".equals(operation.getEntityType());
        }
        return event.getProcessInstanceId() != null && (event instanceof HistoricProcessInstanceEventEntity
            || event instanceof HistoricTaskInstanceEventEntity || event instanceof HistoricIncidentEventEntity);
    }

    /**
     * The entry an event leaves in the engine's history, read when the transaction commits: by then the engine has
     * given it its id and merged later changes of the same entry into it.
     */
    static Entry entry(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity p) {
            return new Entry("process", p.getId(), p.getProcessInstanceId(), p.getRootProcessInstanceId(),
                p.getProcessDefinitionKey(), p.getRemovalTime(), digest(p.getBusinessKey(), p.getProcessDefinitionKey(),
                    p.getProcessDefinitionId(), p.getStartTime(), p.getEndTime(), p.getStartUserId(), p.getDeleteReason(),
                    p.getEndTime() == null ? null : p.getState()));
        }
        if (event instanceof HistoricTaskInstanceEventEntity t) {
            return new Entry("task", t.getId(), t.getProcessInstanceId(), t.getRootProcessInstanceId(), t.getName(), null,
                digest(t.getProcessInstanceId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), t.getStartTime(),
                    t.getEndTime(), t.getDeleteReason()));
        }
        if (event instanceof HistoricVariableUpdateEventEntity v) {
            return new Entry("variable", v.getId(), v.getProcessInstanceId(), v.getRootProcessInstanceId(),
                v.getVariableName(), null, digest(v.getProcessInstanceId(), v.getVariableName(), v.getSerializerName(),
                    v.getTimestamp(), v.getTextValue(), v.getTextValue2(), v.getLongValue(), v.getDoubleValue(),
                    v.getByteValue()));
        }
        if (event instanceof HistoricIncidentEventEntity i) {
            return new Entry("incident", i.getId(), i.getProcessInstanceId(), i.getRootProcessInstanceId(),
                i.getActivityId(), null, digest(i.getProcessInstanceId(), i.getCreateTime(), i.getEndTime(),
                    i.getActivityId(), i.getIncidentMessage(),
                    i.isDeleted() ? "deleted" : i.isResolved() ? "resolved" : "open"));
        }
        UserOperationLogEntryEventEntity o = (UserOperationLogEntryEventEntity) event;
        return new Entry("operation", o.getId(), o.getProcessInstanceId(), o.getRootProcessInstanceId(),
            o.getOperationType(), null, digest(o.getProcessInstanceId(), o.getOperationType(), o.getEntityType(),
                o.getProperty(), o.getNewValue(), o.getUserId(), o.getTaskId(), o.getTimestamp()));
    }

    /** An incident's state as stored ({@code INCIDENT_STATE_}), in the words the digest uses. */
    static String incidentState(int code) {
        return code == IncidentState.DELETED.getStateCode() ? "deleted"
            : code == IncidentState.RESOLVED.getStateCode() ? "resolved" : "open";
    }

    /**
     * SHA-256 over the parts, each written with its length so that no two different entries give the same text;
     * dates as epoch milliseconds, bytes by their own SHA-256.
     */
    static String digest(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            String value = part == null ? null
                : part instanceof Date date ? Long.toString(date.getTime())
                : part instanceof byte[] bytes ? sha256(bytes)
                : part.toString();
            text.append(value == null ? "-1:" : value.length() + ":" + value).append('|');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of one chain row over the row before it and every stored field. */
    static String rowHash(String previousHash, long seq, String chainKey, Entry e, Date recordedAt) {
        return digest(previousHash, seq, chainKey, e.type(), e.id(), e.processInstanceId(), e.rootProcessInstanceId(),
            e.label(), e.removalTime(), e.digest(), recordedAt);
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
        // the last state of each entry, in the order the entries were first written
        Map<String, HistoryEvent> latest = new LinkedHashMap<>();
        Map<String, String> keysOfThisTransaction = new LinkedHashMap<>();
        for (HistoryEvent event : pending.events) {
            latest.put(event.getClass().getSimpleName() + ":" + System.identityHashCode(event), event);
            if (event instanceof HistoricProcessInstanceEventEntity p) {
                keysOfThisTransaction.put(p.getProcessInstanceId(), p.getBusinessKey());
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> endedRoots = new ArrayList<>();
        for (HistoryEvent event : latest.values()) {
            Entry entry = entry(event);
            entries.put(entry.type() + ":" + entry.id(), entry);
            if (event instanceof HistoricProcessInstanceEventEntity p && p.getEndTime() != null
                    && p.getId().equals(p.getRootProcessInstanceId())) {
                endedRoots.add(entry.type() + ":" + entry.id());
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // the engine gives a root instance's tree its removal time by one update when the root ends, not in the
            // event: read it back, it tells history removed by the cleanup from history deleted by hand
            for (String root : endedRoots) {
                Entry e = entries.get(root);
                entries.put(root, new Entry(e.type(), e.id(), e.processInstanceId(), e.rootProcessInstanceId(),
                    e.label(), removalTime(connection, e.id()), e.digest()));
            }
            Map<String, List<Entry>> chains = new TreeMap<>();
            for (Entry entry : entries.values()) {
                String key = keysOfThisTransaction.containsKey(entry.processInstanceId())
                    ? keysOfThisTransaction.get(entry.processInstanceId())
                    : businessKey(connection, entry.processInstanceId());
                chains.computeIfAbsent(key == null ? NO_KEY : key, k -> new ArrayList<>()).add(entry);
            }
            keysOfThisTransaction.forEach((instance, key) -> remember(instance, key == null ? NO_KEY : key));
            for (Date run : pending.cleanups) {
                chains.computeIfAbsent(CLEANUP, k -> new ArrayList<>()).add(new Entry("cleanup",
                    Long.toString(run.getTime()), null, null, null, run, digest(run)));
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

    private static Date removalTime(Connection connection, String processInstanceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select REMOVAL_TIME_ from ACT_HI_PROCINST where ID_ = ?")) {
            select.setString(1, processInstanceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1) : null;
            }
        }
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
        try (PreparedStatement start = connection.prepareStatement(
                "insert into history_chain_head (chain_key, seq, hash) values (?, 0, ?)")) {
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
        try (PreparedStatement select = connection.prepareStatement(
                "select BUSINESS_KEY_ from ACT_HI_PROCINST where ID_ = ?")) {
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
                insert.setTimestamp(8, e.removalTime() == null ? null : new Timestamp(e.removalTime().getTime()));
                insert.setString(9, e.digest());
                insert.setTimestamp(10, new Timestamp(now.getTime()));
                insert.setString(11, previous);
                insert.setString(12, hash);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update history_chain_head set seq = ?, hash = ? where chain_key = ?")) {
            update.setLong(1, seq);
            update.setString(2, previous);
            update.setString(3, chainKey);
            update.executeUpdate();
        }
    }
}
