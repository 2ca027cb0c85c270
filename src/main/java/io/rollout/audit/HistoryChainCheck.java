package io.rollout.audit;

import io.rollout.audit.HistoryChainRepository.Head;
import io.rollout.audit.HistoryChainRepository.Row;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final HistoryChainRepository chains;
    private final Messages messages;

    HistoryChainCheck(HistoryChainRepository chains, Messages messages) {
        this.chains = chains;
        this.messages = messages;
    }

    /**
     * The outcome for one chain.
     *
     * @param entries  how many chain rows were checked
     * @param headHash the hash of the last row, to keep with the auditor's files
     * @param problems what is wrong, one sentence each, the first {@value #MAX_NAMED} named and then the count
     */
    record Outcome(int entries, String headHash, List<String> problems) {}

    Outcome verify(String chainKey) {
        List<Row> rows = chains.rows(chainKey);
        Head head = chains.head(chainKey);

        List<String> problems = new ArrayList<>();
        String link = links(chainKey, rows, head);
        if (link != null) {
            problems.add(messages.get("audit.history.chain", link));
        }
        entries(rows, lastCleanup(problems), problems);
        if (problems.size() > MAX_NAMED) {
            int total = problems.size();
            problems = new ArrayList<>(problems.subList(0, MAX_NAMED));
            problems.add(messages.get("audit.history.more", total - MAX_NAMED));
        }
        return new Outcome(rows.size(), head.hash(), problems);
    }

    // the first broken link of the chain itself, as the decision log's check names it
    private String links(String chainKey, List<Row> rows, Head head) {
        String previous = AuditChain.GENESIS;
        long expected = 1;
        for (Row r : rows) {
            if (r.seq() != expected) {
                return messages.get("audit.verify.gap", expected, r.seq());
            }
            if (!previous.equals(r.prevHash())) {
                return messages.get("audit.verify.prevHash", r.seq());
            }
            if (!HistoryChain.rowHash(previous, r.seq(), chainKey, r.entry(), r.recordedAt())
                    .equals(r.hash())) {
                return messages.get("audit.verify.changed", r.seq(), r.id());
            }
            previous = r.hash();
            expected++;
        }
        long last = expected - 1;
        if (last != head.seq() || (head.seq() > 0 && !previous.equals(head.hash()))) {
            return messages.get("audit.verify.head", head.seq(), last);
        }
        return null;
    }

    // the last run of the engine's history cleanup, trusted only while the chain of runs holds: a run added by hand
    // would pass deleted history off as removed by retention
    private Date lastCleanup(List<String> problems) {
        List<Row> runs = chains.rows(HistoryChain.CLEANUP);
        String link = links(HistoryChain.CLEANUP, runs, chains.head(HistoryChain.CLEANUP));
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
        latest.values()
                .forEach(r -> idsByType
                        .computeIfAbsent(r.type(), t -> new ArrayList<>())
                        .add(r.id()));
        Map<String, String> stored = new HashMap<>();
        idsByType.forEach((type, ids) -> stored.putAll(chains.digests(type, ids)));
        for (Row r : latest.values()) {
            String now = stored.get(r.type() + ":" + r.id());
            String what = messages.get("audit.history.type." + r.type());
            if (now == null) {
                Date removal = removalOfRoot.get(r.root());
                boolean cleanedUp = removal != null && lastCleanup != null && !removal.after(lastCleanup);
                if (!cleanedUp) {
                    problems.add(
                            messages.get("audit.history.missing", what, r.label(), r.processInstanceId(), r.seq()));
                }
            } else if (!now.equals(r.digest())) {
                problems.add(messages.get("audit.history.changed", what, r.label(), r.processInstanceId(), r.seq()));
            }
        }
    }
}
