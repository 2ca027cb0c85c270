package io.rollout.audit;

import io.rollout.shared.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a project's engine history against its {@link HistoryChain}: first the chain itself (every row in its
 * place, pointing to the row before, giving its own hash, ending in the head), then every chained entry against the
 * history as it is now. An entry that is gone, while the engine's cleanup has not yet run past its root instance's
 * removal time, was deleted by hand; an entry whose fields no longer give its digest was changed. History written
 * before the chain existed, and history the cleanup removed after its removal time, are not reported.
 */
@Component
class HistoryChainCheck {

    /** At most this many entries are named; the total is counted. */
    static final int MAX_NAMED = 20;

    private final JdbcClient jdbc;
    private final Messages messages;

    HistoryChainCheck(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * The outcome for one chain.
     *
     * @param entries  how many chain rows were checked
     * @param headHash the hash of the last row, to keep with the auditor's files
     * @param problems what is wrong, one sentence each, the first {@value #MAX_NAMED} named and then the count
     */
    record Outcome(int entries, String headHash, List<String> problems) {
    }

    private record Row(long seq, String type, String id, String processInstanceId, String root, String label,
                       Date removalTime, String digest, Date recordedAt, String prevHash, String hash) {

        HistoryChain.Entry entry() {
            return new HistoryChain.Entry(type, id, processInstanceId, root, label, removalTime, digest);
        }
    }

    Outcome verify(String chainKey) {
        List<Row> rows = rows(chainKey);
        Map<String, Object> head = head(chainKey);
        long headSeq = ((Number) head.get("seq")).longValue();
        String headHash = (String) head.get("hash");

        List<String> problems = new ArrayList<>();
        String link = links(chainKey, rows, headSeq, headHash);
        if (link != null) {
            problems.add(messages.get("audit.history.chain", link));
        }
        entries(rows, lastCleanup(problems), problems);
        if (problems.size() > MAX_NAMED) {
            int total = problems.size();
            problems = new ArrayList<>(problems.subList(0, MAX_NAMED));
            problems.add(messages.get("audit.history.more", total - MAX_NAMED));
        }
        return new Outcome(rows.size(), headHash, problems);
    }

    // the first broken link of the chain itself, as the decision log's check names it
    private String links(String chainKey, List<Row> rows, long headSeq, String headHash) {
        String previous = AuditChain.GENESIS;
        long expected = 1;
        for (Row r : rows) {
            if (r.seq() != expected) {
                return messages.get("audit.verify.gap", expected, r.seq());
            }
            if (!previous.equals(r.prevHash())) {
                return messages.get("audit.verify.prevHash", r.seq());
            }
            if (!HistoryChain.rowHash(previous, r.seq(), chainKey, r.entry(), r.recordedAt()).equals(r.hash())) {
                return messages.get("audit.verify.changed", r.seq(), r.id());
            }
            previous = r.hash();
            expected++;
        }
        long last = expected - 1;
        if (last != headSeq || (headSeq > 0 && !previous.equals(headHash))) {
            return messages.get("audit.verify.head", headSeq, last);
        }
        return null;
    }

    private List<Row> rows(String chainKey) {
        return jdbc.sql("""
                select chain_seq, entity_type, entity_id, process_instance_id, root_process_instance_id, label,
                       removal_time, digest, recorded_at, prev_hash, record_hash
                from history_chain where chain_key = ? order by chain_seq""")
            .param(chainKey).query(HistoryChainCheck::row).list();
    }

    private Map<String, Object> head(String chainKey) {
        List<Map<String, Object>> heads = jdbc.sql("select seq, hash from history_chain_head where chain_key = ?")
            .param(chainKey).query().listOfRows();
        return heads.isEmpty() ? Map.of("seq", 0L) : heads.get(0);
    }

    // the last run of the engine's history cleanup, trusted only while the chain of runs holds: a run added by hand
    // would pass deleted history off as removed by retention
    private Date lastCleanup(List<String> problems) {
        List<Row> runs = rows(HistoryChain.CLEANUP);
        Map<String, Object> head = head(HistoryChain.CLEANUP);
        String link = links(HistoryChain.CLEANUP, runs, ((Number) head.get("seq")).longValue(),
            (String) head.get("hash"));
        if (link != null) {
            problems.add(messages.get("audit.history.cleanupChain", link));
            return null;
        }
        return runs.stream().map(Row::removalTime).max(Date::compareTo).orElse(null);
    }

    private void entries(List<Row> rows, Date lastCleanup, List<String> problems) {
        Map<String, Row> latest = new LinkedHashMap<>();
        Map<String, Date> removalOfRoot = new HashMap<>();
        for (Row r : rows) {
            latest.put(r.type() + ":" + r.id(), r);
            if (r.type().equals("process") && r.removalTime() != null) {
                removalOfRoot.put(r.id(), r.removalTime());
            }
        }
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        latest.values().forEach(r -> idsByType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.id()));
        Map<String, String> stored = new HashMap<>();
        idsByType.forEach((type, ids) -> stored.putAll(digests(type, ids)));
        for (Row r : latest.values()) {
            String now = stored.get(r.type() + ":" + r.id());
            String what = messages.get("audit.history.type." + r.type());
            if (now == null) {
                Date removal = removalOfRoot.get(r.root());
                boolean cleanedUp = removal != null && lastCleanup != null && !removal.after(lastCleanup);
                if (!cleanedUp) {
                    problems.add(messages.get("audit.history.missing", what, r.label(), r.processInstanceId(),
                        r.seq()));
                }
            } else if (!now.equals(r.digest())) {
                problems.add(messages.get("audit.history.changed", what, r.label(), r.processInstanceId(), r.seq()));
            }
        }
    }

    // the digests of the entries as stored now, by "type:id"; an entry that is gone has none
    private Map<String, String> digests(String type, List<String> ids) {
        Map<String, String> digests = new HashMap<>();
        for (int from = 0; from < ids.size(); from += HistoryChain.CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + HistoryChain.CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.sql(HistoryChain.READS.get(type).formatted(marks)).params(chunk).query(rs -> {
                digests.put(type + ":" + rs.getString(1), HistoryChain.storedDigest(type, rs));
            });
        }
        return digests;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7), rs.getString(8), rs.getTimestamp(9), rs.getString(10),
            rs.getString(11));
    }
}
