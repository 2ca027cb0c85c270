package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.SelectionRepository.RankingLine;
import io.rollout.planning.VendorRanking.Criterion;
import io.rollout.planning.VendorRanking.Evaluation;
import io.rollout.planning.VendorRanking.RankedVendor;
import io.rollout.planning.VendorRanking.Result;
import io.rollout.planning.VendorRanking.VendorScores;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_EvaluateVendors} in {@code planningPhase} (only when the system is bought).
 * <ul>
 * <li>create: prefills the weights {@code weightTechnical}, {@code weightService}, {@code weightCost},
 *     {@code weightReferences} and the rows {@code vendors} ({@code vendor} and a score per criterion:
 *     {@code technical}, {@code service}, {@code cost}, {@code references}) with the stored evaluation.</li>
 * <li>complete: checks and ranks the submission with {@link VendorRanking} (refused with every problem),
 *     stores criteria, scores and ranking (with the tie explanations) and records {@code vendorEvaluation}
 *     with the ranking in the decision log.</li>
 * </ul>
 */
@Component("vendorEvaluation")
class VendorEvaluation extends FormTaskListener {

    static final String DECISION = "vendorEvaluation";

    private final SelectionRepository selections;
    private final DecisionLog decisions;
    private final Messages messages;

    VendorEvaluation(SelectionRepository selections, DecisionLog decisions, Messages messages) {
        this.selections = selections;
        this.decisions = decisions;
        this.messages = messages;
    }

    /** The form field of a criterion's weight, e.g. {@code weightTechnical}. */
    static String weightField(String criterion) {
        return "weight" + Character.toUpperCase(criterion.charAt(0)) + criterion.substring(1);
    }

    @Override
    protected void prefill(DelegateTask task) {
        Evaluation stored =
                selections.evaluation(ProcessVariables.projectCode(task)).orElse(new Evaluation(List.of(), List.of()));
        for (String criterion : VendorRanking.CRITERIA) {
            TaskForms.prefill(
                    task,
                    weightField(criterion),
                    stored.criteria().stream()
                            .filter(c -> c.name().equals(criterion))
                            .map(Criterion::weight)
                            .findFirst()
                            .orElse(null));
        }
        // only a stored evaluation: a list prefilled empty lost the vendor names typed into its first rows in Tasklist
        if (!stored.vendors().isEmpty()) {
            TaskForms.prefill(
                    task,
                    "vendors",
                    JsonRows.of(stored.vendors().stream()
                            .map(v -> {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("vendor", v.name());
                                row.putAll(v.scores());
                                return row;
                            })
                            .toList()));
        }
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Map<String, Object> weights = new LinkedHashMap<>();
        for (String criterion : VendorRanking.CRITERIA) {
            weights.put(criterion, TaskForms.submitted(task, weightField(criterion)));
        }
        Result result = VendorRanking.check(weights, JsonRows.read(TaskForms.submitted(task, "vendors")));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        List<RankingLine> ranking = result.ranking().stream().map(this::line).toList();
        selections.evaluate(projectCode, result.evaluation(), ranking);
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "vendors",
                "ranked",
                ranking.stream()
                        .map(l -> l.rank() + ". " + l.vendor() + " " + l.weightedScore()
                                + (l.explanation() == null ? "" : " - " + l.explanation()))
                        .toList(),
                inputs(result.evaluation()),
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
    }

    private RankingLine line(RankedVendor v) {
        String explanation =
                v.notes().stream().map(n -> PlanSummary.recordText(messages, n)).collect(Collectors.joining(" "));
        return new RankingLine(v.name(), v.rank(), v.points(), explanation.isEmpty() ? null : explanation);
    }

    private static String inputs(Evaluation e) {
        return "weights "
                + e.criteria().stream().map(c -> c.name() + "=" + c.weight()).collect(Collectors.joining(", "))
                + "; scores " + e.vendors().stream().map(VendorScores::toString).collect(Collectors.joining("; "));
    }
}
