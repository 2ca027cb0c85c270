package io.rollout.audit;

import io.rollout.shared.Messages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Verifies the decision-log chain of a project ({@link ChainCheck}) as stored: every record, then the
 * head the project row keeps; and the engine history the project's timeline shows against its history chain
 * ({@link HistoryChainCheck}). Used by {@code GET /api/projects/{code}/audit/verification}.
 */
@Component
public class ChainVerification {

    private final JdbcClient jdbc;
    private final Messages messages;
    private final HistoryChainCheck history;

    ChainVerification(JdbcClient jdbc, Messages messages, HistoryChainCheck history) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.history = history;
    }

    /**
     * The outcome for one project.
     *
     * @param records   how many records were checked
     * @param intact    true when no link is broken
     * @param brokenSeq the place in the chain of the first broken link ({@code null} when intact or at the head)
     * @param recordId  the id of the record at the broken link, if any
     * @param problem   what is wrong, as a sentence; {@code null} when intact
     * @param headHash  the hash of the last record, to compare with a copy kept elsewhere (an exported report)
     * @param historyEntries  how many entries of the engine history's chain were checked
     * @param historyHeadHash the hash of the history chain's last entry, to keep like {@code headHash}
     * @param historyProblems every engine history entry deleted or changed by hand, and a broken history chain
     */
    public record Result(String projectCode, int records, boolean intact, Long brokenSeq, Long recordId,
                         String problem, String headHash, int historyEntries, String historyHeadHash,
                         List<String> historyProblems) {
    }

    public Result verify(String projectCode) {
        Map<String, Object> head = jdbc.sql("select audit_seq, audit_hash from project where code = ?")
            .param(projectCode).query().singleRow();
        List<ChainCheck.Stored> chain = jdbc.sql("""
                select id, chain_seq, prev_hash, record_hash, project_code, decision, subject, outcome, findings,
                       inputs, decided_by, process_instance_id, decided_at
                from decision_log where project_code = ?
                order by case when chain_seq is null then 1 else 0 end, chain_seq, id""")
            .param(projectCode)
            .query((rs, n) -> new ChainCheck.Stored(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                rs.getString(4), new AuditChain.Fields(rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13).toInstant())))
            .list();
        String headHash = (String) head.get("audit_hash");
        Optional<ChainCheck.Break> broken = ChainCheck.verify(chain, ((Number) head.get("audit_seq")).longValue(),
            headHash);
        HistoryChainCheck.Outcome engine = history.verify(projectCode);
        String firstHistoryProblem = engine.problems().isEmpty() ? null : engine.problems().get(0);
        return broken
            .map(b -> new Result(projectCode, chain.size(), false, b.seq(), b.recordId(),
                messages.get(b.code(), b.args()), headHash, engine.entries(), engine.headHash(), engine.problems()))
            .orElseGet(() -> new Result(projectCode, chain.size(), firstHistoryProblem == null, null, null,
                firstHistoryProblem, headHash, engine.entries(), engine.headHash(), engine.problems()));
    }
}
