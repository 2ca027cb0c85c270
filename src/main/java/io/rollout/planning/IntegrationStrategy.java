package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.IntegrationRules.Integration;
import io.rollout.planning.IntegrationRules.Result;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DefineIntegration} in {@code planningPhase}.
 * <ul>
 * <li>create: sets the task-local {@code departmentOptions} (the departments known to Rollout, by name) for the
 *     owner department of a legacy system, and prefills the rows {@code legacySystems} ({@code name}, {@code ownerDepartment}),
 *     {@code interfaces} ({@code toSystem}, {@code kind}, {@code direction}, {@code frequency}) and
 *     {@code migrations} ({@code dataset}, {@code legacySystem}) with the stored strategy.</li>
 * <li>complete: checks the submission with {@link IntegrationRules} (refused with every problem), replaces the
 *     stored strategy, adds the datasets to migrate to the project's datasets (those already in scope stay,
 *     none twice), so {@code dataMigration} fans out over them, and records {@code integrationStrategy} in the
 *     decision log with the datasets added.</li>
 * </ul>
 */
@Component("integrationStrategy")
class IntegrationStrategy extends FormTaskListener {

    static final String DECISION = "integrationStrategy";

    private final IntegrationRepository integrations;
    private final ProjectRepository projects;
    private final List<String> departments;
    private final Names names;
    private final DecisionLog decisions;
    private final Messages messages;

    IntegrationStrategy(
            IntegrationRepository integrations,
            ProjectRepository projects,
            @Value("${rollout.departments}") List<String> departments,
            Names names,
            DecisionLog decisions,
            Messages messages) {
        this.integrations = integrations;
        this.projects = projects;
        this.departments = departments;
        this.names = names;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        task.setVariableLocal("departmentOptions", FormOptions.of(departments, names::department));
        prefill(task, integrations.find(ProcessVariables.projectCode(task)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Result result = IntegrationRules.check(
                JsonRows.read(TaskForms.submitted(task, "legacySystems")),
                JsonRows.read(TaskForms.submitted(task, "interfaces")),
                JsonRows.read(TaskForms.submitted(task, "migrations")),
                departments);
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        Integration integration = result.integration();
        integrations.replace(projectCode, integration);
        List<String> added = projects.addDatasets(projectCode, integration.datasets());
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "integration",
                "recorded",
                added.isEmpty()
                        ? List.of()
                        : List.of(messages.forRecord("planning.integration.datasetsAdded", String.join(", ", added))),
                "legacySystems=" + integration.legacySystems().size() + ", interfaces="
                        + integration.interfaces().size() + ", migrate=" + integration.datasets(),
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
    }

    private static void prefill(DelegateTask task, Integration stored) {
        TaskForms.prefill(
                task,
                "legacySystems",
                JsonRows.of(stored.legacySystems().stream()
                        .map(s -> row("name", s.name(), "ownerDepartment", s.ownerDepartment()))
                        .toList()));
        TaskForms.prefill(
                task,
                "interfaces",
                JsonRows.of(stored.interfaces().stream()
                        .map(i -> row(
                                "toSystem",
                                i.toSystem(),
                                "kind",
                                i.kind(),
                                "direction",
                                i.direction(),
                                "frequency",
                                i.frequency()))
                        .toList()));
        TaskForms.prefill(
                task,
                "migrations",
                JsonRows.of(stored.migrations().stream()
                        .map(m -> row("dataset", m.dataset(), "legacySystem", m.legacySystem()))
                        .toList()));
    }

    private static Map<String, Object> row(String... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
