package io.rollout.build;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ApproveCustomisations} in {@code SubProcess_ModuleBuild} of
 * {@code buildPhase}, one instance per approval board ({@code approvalBoard}: {@code pmo} or
 * {@code steering-committee}, also its candidate group).
 * <ul>
 * <li>create: prefills, task-locally, {@code customisationDecisions}: one row per pending proposal of this
 *     board ({@code customisationId}, kind, description, justification, effort, requirement; to fill:
 *     {@code decision} approved/rejected and {@code reason}), and the module's {@code upgradeRisk}.</li>
 * <li>complete: checks the rows with {@link CustomisationRules#decisions}; refuses with every problem, or
 *     stores each decision and records it as decision {@code customisationApproval}.</li>
 * </ul>
 */
@Component("customisationApproval")
class CustomisationApproval extends FormTaskListener {

    static final String DECISION = "customisationApproval";
    static final String ROWS = "customisationDecisions";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    CustomisationApproval(
            BuildRepository builds,
            BuildProgress progress,
            BuildSummaries summaries,
            DecisionLog decisions,
            Messages messages,
            Clock clock) {
        this.builds = builds;
        this.progress = progress;
        this.summaries = summaries;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        TaskForms.prefill(
                task,
                ROWS,
                JsonRows.of(pending(task).values().stream()
                        .map(c -> BuildRows.of(
                                "customisationId",
                                c.id(),
                                "kind",
                                summaries.kind(c.kind()),
                                "description",
                                c.description(),
                                "justification",
                                c.justification(),
                                "effortDays",
                                c.effortDays(),
                                "requirementId",
                                c.requirementId(),
                                "decision",
                                null,
                                "reason",
                                null))
                        .toList()));
        task.setVariableLocal("upgradeRisk", summaries.upgradeRisk(projectCode, module));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        String board = ProcessVariables.string(task, "approvalBoard");
        Map<Long, StoredCustomisation> pending = pending(task);
        Map<Long, String> descriptions = new LinkedHashMap<>();
        pending.forEach((id, c) -> descriptions.put(id, c.description()));
        Checked<List<CustomisationRules.Decision>> result =
                CustomisationRules.decisions(JsonRows.read(TaskForms.submitted(task, ROWS)), descriptions);
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        String user = TaskForms.currentUser(task);
        for (CustomisationRules.Decision d : result.value()) {
            StoredCustomisation c = pending.get(d.customisationId());
            builds.decide(d, user, Instant.now(clock));
            decisions.record(new Decision(
                    projectCode,
                    DECISION,
                    "module " + module + " customisation " + c.id(),
                    d.approved() ? CustomisationRules.APPROVED : CustomisationRules.REJECTED,
                    List.of(d.reason()),
                    "kind=" + c.kind() + ", effortDays=" + c.effortDays() + ", requirement=" + c.requirementId()
                            + ", board=" + board + ", description=" + c.description(),
                    user,
                    task.getProcessInstanceId()));
        }
    }

    /** The module's pending proposals of this task's board, by id. */
    private Map<Long, StoredCustomisation> pending(DelegateTask task) {
        String board = ProcessVariables.string(task, "approvalBoard");
        return progress.pending(ProcessVariables.projectCode(task), ProcessVariables.module(task)).stream()
                .filter(c -> board.equals(c.approvalBoard()))
                .collect(Collectors.toMap(
                        StoredCustomisation::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
