package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.ScopeRepository.StoredScope;
import io.rollout.planning.ScopeRules.Recommendation;
import io.rollout.planning.ScopeRules.Result;
import io.rollout.planning.ScopeRules.ScopeChoice;
import io.rollout.project.Project;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ConfirmScope} in {@code planningPhase}.
 * <ul>
 * <li>create: sets task-local {@code scopeRecommendation} (Markdown), the options {@code departmentOptions}
 *     and {@code moduleOptions} (the project's departments and modules, by name), and prefills {@code scopeApproach},
 *     {@code firstDepartment}, {@code pilotModules} and {@code overrideReason} with the scope confirmed before,
 *     else with the recommendation.</li>
 * <li>complete: checks the submission with {@link ScopeRules} against the stored recommendation (refused
 *     with every problem), stores the confirmed scope and its pilot modules and records
 *     {@code scopeConfirmation} ({@code confirmed} or {@code overridden}) in the decision log.</li>
 * </ul>
 */
@Component("scopeConfirmation")
class ScopeConfirmation extends FormTaskListener {

    static final String DECISION = "scopeConfirmation";

    private final ScopeRepository scopes;
    private final ProjectScope projects;
    private final PlanSummary summary;
    private final Names names;
    private final DecisionLog decisions;
    private final Messages messages;

    ScopeConfirmation(
            ScopeRepository scopes,
            ProjectScope projects,
            PlanSummary summary,
            Names names,
            DecisionLog decisions,
            Messages messages) {
        this.scopes = scopes;
        this.projects = projects;
        this.summary = summary;
        this.names = names;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Project project = projects.project(projectCode);
        StoredScope stored = stored(projectCode);
        Recommendation r = stored.recommendation();
        task.setVariableLocal(
                "scopeRecommendation",
                messages.forRecord(
                        "planning.scope.recommendation",
                        summary.approach(r.approach()),
                        summary.department(r.firstDepartment()),
                        FormInput.md(r.reason())));
        task.setVariableLocal("departmentOptions", FormOptions.of(project.departments(), names::department));
        task.setVariableLocal("moduleOptions", FormOptions.of(project.modules(), names::module));
        ScopeChoice before = stored.confirmed();
        TaskForms.prefill(task, "scopeApproach", before == null ? r.approach() : before.approach());
        TaskForms.prefill(task, "firstDepartment", before == null ? r.firstDepartment() : before.firstDepartment());
        TaskForms.prefill(task, "pilotModules", JsonRows.ofStrings(before == null ? List.of() : before.pilotModules()));
        TaskForms.prefill(task, "overrideReason", before == null ? null : before.overrideReason());
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Project project = projects.project(projectCode);
        Recommendation r = stored(projectCode).recommendation();
        Result result = ScopeRules.check(
                r,
                FormInput.text(TaskForms.submitted(task, "scopeApproach")),
                FormInput.text(TaskForms.submitted(task, "firstDepartment")),
                JsonRows.readStrings(TaskForms.submitted(task, "pilotModules")),
                FormInput.text(TaskForms.submitted(task, "overrideReason")),
                project.departments(),
                project.modules());
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        ScopeChoice c = result.choice();
        scopes.confirm(projectCode, c, TaskForms.currentUser(task));
        List<String> findings = new ArrayList<>();
        findings.add(messages.forRecord(
                "planning.scope.logChoice",
                c.approach(),
                c.firstDepartment() == null ? "-" : c.firstDepartment(),
                c.pilotModules().isEmpty() ? "-" : String.join(", ", c.pilotModules())));
        if (c.overrideReason() != null) {
            findings.add(c.overrideReason());
        }
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "scope",
                c.overridden() ? "overridden" : "confirmed",
                findings,
                "recommended=" + r.approach() + ", firstDepartment=" + r.firstDepartment(),
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
    }

    private StoredScope stored(String projectCode) {
        return scopes.find(projectCode)
                .orElseThrow(() -> new IllegalStateException("no scope recommendation for " + projectCode));
    }
}
