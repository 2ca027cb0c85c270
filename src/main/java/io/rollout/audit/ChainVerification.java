package io.rollout.audit;

import io.rollout.shared.Messages;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Verifies the decision-log chain of a project ({@link ChainCheck}) as stored: every record, then the
 * head the project row keeps; and the engine history the project's timeline shows against its history chain
 * ({@link HistoryChainCheck}). Used by {@code GET /api/projects/{code}/audit/verification}.
 */
@Component
public class ChainVerification {

    private final AuditRepository stored;
    private final Messages messages;
    private final HistoryChainCheck history;

    ChainVerification(AuditRepository stored, Messages messages, HistoryChainCheck history) {
        this.stored = stored;
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
    public record Result(
            String projectCode,
            int records,
            boolean intact,
            Long brokenSeq,
            Long recordId,
            String problem,
            String headHash,
            int historyEntries,
            String historyHeadHash,
            List<String> historyProblems) {}

    public Result verify(String projectCode) {
        AuditRepository.Head head = stored.chainHead(projectCode);
        List<ChainCheck.Stored> chain = stored.chain(projectCode);
        String headHash = head.hash();
        Optional<ChainCheck.Break> broken = ChainCheck.verify(chain, head.seq(), headHash);
        HistoryChainCheck.Outcome engine = history.verify(projectCode);
        String firstHistoryProblem =
                engine.problems().isEmpty() ? null : engine.problems().get(0);
        return broken.map(b -> new Result(
                        projectCode,
                        chain.size(),
                        false,
                        b.seq(),
                        b.recordId(),
                        messages.get(b.code(), b.args()),
                        headHash,
                        engine.entries(),
                        engine.headHash(),
                        engine.problems()))
                .orElseGet(() -> new Result(
                        projectCode,
                        chain.size(),
                        firstHistoryProblem == null,
                        null,
                        null,
                        firstHistoryProblem,
                        headHash,
                        engine.entries(),
                        engine.headHash(),
                        engine.problems()));
    }
}
