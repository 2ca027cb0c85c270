package io.rollout.migration;

import io.rollout.migration.DefinitionRules.Form;
import io.rollout.migration.DefinitionRules.Read;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
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
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DefineDataset} in {@code SubProcess_DatasetMigration} of
 * {@code dataMigration} (form {@code defineDataset}).
 * <ul>
 * <li>create: prefills the current definition (or an empty one) as task-local variables:
 *     {@code datasetColumns} (one per line), {@code keyColumns} and {@code reconcileColumns}
 *     (comma-separated), {@code rejectThreshold}, {@code department} with {@code departmentOptions} (by
 *     name), and {@code rules} (Json rows of the form's grid: kind — {@code unique-normalised} for a unique rule
 *     that compares normalised values —, column, pattern, values comma-separated, min, max, and the referenced
 *     column as {@code reference} "dataset.column"; a submission may also name {@code refDataset},
 *     {@code refColumn} and {@code normalised} separately, as the REST API does).</li>
 * <li>complete: reads the definition with {@link DefinitionRules#read} (refusing cells that are no numbers), checks
 *     the whole definition with {@link DefinitionRules#check} (in {@link MigrationService#define}) and refuses it naming
 *     every problem, otherwise stores it and sets {@code datasetDepartment}, whose business owners sign off.</li>
 * </ul>
 */
@Component("datasetDefinitionForm")
class DatasetDefinitionForm extends FormTaskListener {

    static final String UNIQUE_NORMALISED = DefinitionRules.UNIQUE_NORMALISED;

    private final MigrationService migration;
    private final DatasetRepository datasets;
    private final ProjectScope scope;
    private final Names names;
    private final Messages messages;

    DatasetDefinitionForm(
            MigrationService migration,
            DatasetRepository datasets,
            ProjectScope scope,
            Names names,
            Messages messages) {
        this.migration = migration;
        this.datasets = datasets;
        this.scope = scope;
        this.names = names;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String dataset = ProcessVariables.dataset(task);
        DatasetDefinition d = datasets.find(projectCode, dataset)
                .orElse(new DatasetDefinition(dataset, List.of(), List.of(), List.of(), null, null, List.of()));
        List<String> departments = scope.departments(projectCode);
        TaskForms.prefill(task, "datasetColumns", String.join("\n", d.columns()));
        TaskForms.prefill(task, "keyColumns", String.join(", ", d.keyColumns()));
        TaskForms.prefill(task, "reconcileColumns", String.join(", ", d.reconcileColumns()));
        TaskForms.prefill(
                task,
                "rejectThreshold",
                d.rejectThreshold() == null
                        ? Long.valueOf(scope.project(projectCode).rejectThreshold())
                        : Long.valueOf(d.rejectThreshold()));
        TaskForms.prefill(
                task,
                "department",
                d.department() != null ? d.department() : departments.isEmpty() ? null : departments.get(0));
        task.setVariableLocal(
                "departmentOptions",
                JsonRows.of(departments.stream()
                        .map(dep -> Map.of("label", names.department(dep), "value", dep))
                        .toList()));
        TaskForms.prefill(
                task,
                "rules",
                JsonRows.of(d.rules().stream().map(DatasetDefinitionForm::row).toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Read read = DefinitionRules.read(new Form(
                ProcessVariables.dataset(task),
                FormInput.text(TaskForms.submitted(task, "datasetColumns")),
                FormInput.text(TaskForms.submitted(task, "keyColumns")),
                FormInput.text(TaskForms.submitted(task, "reconcileColumns")),
                TaskForms.submitted(task, "rejectThreshold"),
                FormInput.text(TaskForms.submitted(task, "department")),
                JsonRows.read(TaskForms.submitted(task, "rules"))));
        if (!read.problems().isEmpty()) {
            throw Problem.reject(messages, read.problems());
        }
        migration.define(projectCode, read.definition(), TaskForms.currentUser(task));
        task.getExecution().setVariable("datasetDepartment", read.definition().department());
    }

    /** A stored rule as a row of the form's grid. */
    private static Map<String, Object> row(CleansingRule r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", CleansingRule.UNIQUE.equals(r.kind()) && r.normalised() ? UNIQUE_NORMALISED : r.kind());
        row.put("column", r.column() == null ? "" : r.column());
        row.put("pattern", r.pattern() == null ? "" : r.pattern());
        row.put("values", String.join(", ", r.values()));
        row.put("min", r.min() == null ? "" : r.min().toPlainString());
        row.put("max", r.max() == null ? "" : r.max().toPlainString());
        row.put(
                "reference",
                r.dataset() == null ? "" : r.dataset() + (r.refColumn() == null ? "" : "." + r.refColumn()));
        return row;
    }
}
