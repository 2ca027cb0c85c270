package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.SelectionRepository.RankingLine;
import io.rollout.planning.SelectionRepository.Selection;
import io.rollout.planning.SystemSelectionRules.VendorChoice;
import io.rollout.planning.VendorRanking.RankedVendor;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ChooseVendor} in {@code planningPhase}.
 * <ul>
 * <li>create: sets task-local {@code vendorRanking} (rows of the form's ranking table: rank, vendor, weighted
 *     score, the score on each criterion, tie explanation; {@link PlanSummary#ranking}), {@code vendorWeights}
 *     (the criteria's weights in one line) and {@code vendorOptions} (the evaluated vendors, best first, with rank
 *     and weighted score), and prefills {@code chosenVendor} and {@code vendorChoiceReason} with a choice made
 *     before.</li>
 * <li>complete: checks the choice with {@link SystemSelectionRules} against the stored ranking (a reason is
 *     required when the vendor is not ranked first; refused with the problem), stores it and records
 *     {@code vendorChoice} ({@code top-ranked} or {@code not-top-ranked}) in the decision log.</li>
 * </ul>
 */
@Component("vendorChoice")
class VendorChoiceRecorder extends FormTaskListener {

    static final String DECISION = "vendorChoice";

    private final SelectionRepository selections;
    private final PlanSummary summary;
    private final DecisionLog decisions;
    private final Messages messages;

    VendorChoiceRecorder(
            SelectionRepository selections, PlanSummary summary, DecisionLog decisions, Messages messages) {
        this.selections = selections;
        this.summary = summary;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<RankingLine> ranking = selections.ranking(projectCode);
        task.setVariableLocal("vendorRanking", summary.ranking(projectCode));
        task.setVariableLocal("vendorWeights", summary.weights(projectCode));
        Map<String, RankingLine> byVendor =
                ranking.stream().collect(Collectors.toMap(RankingLine::vendor, l -> l, (a, b) -> a));
        task.setVariableLocal(
                "vendorOptions",
                FormOptions.of(
                        ranking.stream().map(RankingLine::vendor).toList(),
                        vendor -> messages.forRecord(
                                "planning.vendorOption",
                                vendor,
                                byVendor.get(vendor).rank(),
                                byVendor.get(vendor).weightedScore())));
        Optional<Selection> before = selections.find(projectCode);
        TaskForms.prefill(
                task, "chosenVendor", before.map(Selection::chosenVendor).orElse(null));
        TaskForms.prefill(
                task, "vendorChoiceReason", before.map(Selection::choiceReason).orElse(null));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<RankingLine> ranking = selections.ranking(projectCode);
        List<Problem> problems = new ArrayList<>();
        Optional<VendorChoice> choice = SystemSelectionRules.checkChoice(
                FormInput.text(TaskForms.submitted(task, "chosenVendor")),
                FormInput.text(TaskForms.submitted(task, "vendorChoiceReason")),
                ranking.stream()
                        .map(l -> new RankedVendor(l.vendor(), l.rank(), l.points(), List.of()))
                        .toList(),
                problems);
        if (choice.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        VendorChoice c = choice.get();
        String user = TaskForms.currentUser(task);
        selections.choose(projectCode, c, user);
        decisions.record(new Decision(
                projectCode,
                DECISION,
                PlanSummary.subject("vendor", c.vendor()),
                c.topRanked() ? "top-ranked" : "not-top-ranked",
                c.reason() == null ? List.of() : List.of(c.reason()),
                ranking.stream()
                        .map(l -> l.rank() + ". " + l.vendor() + " " + l.weightedScore())
                        .collect(Collectors.joining(", ")),
                user,
                task.getProcessInstanceId()));
    }
}
