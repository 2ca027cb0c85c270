package io.rollout.migration;

import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * <li>complete: checks the whole definition with {@link DefinitionRules} and refuses it naming every
 *     problem, otherwise stores it and sets {@code datasetDepartment}, whose business owners sign off.</li>
 * </ul>
 */
@Component("datasetDefinitionForm")
class DatasetDefinitionForm implements TaskListener {

    // the form's kind for a unique rule that compares normalised values (the API's normalised flag)
    static final String UNIQUE_NORMALISED = "unique-normalised";

    private final MigrationService migration;
    private final DatasetRepository datasets;
    private final ProjectScope scope;
    private final Names names;
    private final Messages messages;

    DatasetDefinitionForm(MigrationService migration, DatasetRepository datasets, ProjectScope scope, Names names,
                          Messages messages) {
        this.migration = migration;
        this.datasets = datasets;
        this.scope = scope;
        this.names = names;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String dataset = (String) task.getVariable("dataset");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, projectCode, dataset);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            DatasetDefinition definition = read(task, dataset);
            migration.define(projectCode, definition, TaskForms.currentUser(task));
            task.getExecution().setVariable("datasetDepartment", definition.department());
        }
    }

    private void prefill(DelegateTask task, String projectCode, String dataset) {
        DatasetDefinition d = datasets.find(projectCode, dataset).orElse(
            new DatasetDefinition(dataset, List.of(), List.of(), List.of(), null, null, List.of()));
        List<String> departments = scope.departments(projectCode);
        TaskForms.prefill(task, "datasetColumns", String.join("\n", d.columns()));
        TaskForms.prefill(task, "keyColumns", String.join(", ", d.keyColumns()));
        TaskForms.prefill(task, "reconcileColumns", String.join(", ", d.reconcileColumns()));
        TaskForms.prefill(task, "rejectThreshold", d.rejectThreshold() == null
            ? Long.valueOf(scope.project(projectCode).rejectThreshold()) : Long.valueOf(d.rejectThreshold()));
        TaskForms.prefill(task, "department", d.department() != null ? d.department()
            : departments.isEmpty() ? null : departments.get(0));
        task.setVariableLocal("departmentOptions", JsonRows.of(departments.stream()
            .map(dep -> Map.of("label", names.department(dep), "value", dep)).toList()));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (CleansingRule r : d.rules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", CleansingRule.UNIQUE.equals(r.kind()) && r.normalised() ? UNIQUE_NORMALISED : r.kind());
            row.put("column", r.column() == null ? "" : r.column());
            row.put("pattern", r.pattern() == null ? "" : r.pattern());
            row.put("values", String.join(", ", r.values()));
            row.put("min", r.min() == null ? "" : r.min().toPlainString());
            row.put("max", r.max() == null ? "" : r.max().toPlainString());
            row.put("reference", r.dataset() == null ? "" : r.dataset() + (r.refColumn() == null ? "" : "." + r.refColumn()));
            rules.add(row);
        }
        TaskForms.prefill(task, "rules", JsonRows.of(rules));
    }

    private DatasetDefinition read(DelegateTask task, String dataset) {
        List<Problem> problems = new ArrayList<>();
        List<CleansingRule> rules = new ArrayList<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, "rules"))) {
            if (row.isBlank()) {
                continue;
            }
            String values = row.text("values");
            String kind = row.text("kind");
            boolean normalised = row.bool("normalised") || UNIQUE_NORMALISED.equals(kind);
            // the grid names a referenced column in one cell, dataset.column; a REST client may send both cells
            String refDataset = row.text("refDataset");
            String refColumn = row.text("refColumn");
            String reference = row.text("reference");
            if (refDataset == null && reference != null) {
                int dot = reference.indexOf('.');
                refDataset = dot < 0 ? reference : reference.substring(0, dot).strip();
                refColumn = dot < 0 ? null : FormInput.text(reference.substring(dot + 1));
            }
            rules.add(new CleansingRule(UNIQUE_NORMALISED.equals(kind) ? CleansingRule.UNIQUE : kind, row.text("column"),
                row.text("pattern"), values == null ? List.of() : list(values), decimal(row, "min", problems),
                decimal(row, "max", problems), refDataset, refColumn, normalised));
        }
        Object threshold = TaskForms.submitted(task, "rejectThreshold");
        Integer rejectThreshold = null;
        if (FormInput.text(threshold) != null) {
            try {
                rejectThreshold = new BigDecimal(threshold.toString().trim()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(Problem.of("migration.definition.threshold", threshold.toString()));
            }
        }
        String columns = FormInput.text(TaskForms.submitted(task, "datasetColumns"));
        DatasetDefinition definition = new DatasetDefinition(dataset,
            columns == null ? List.of() : Arrays.stream(columns.split("[\\n,，]")).map(String::strip)
                .filter(c -> !c.isEmpty()).toList(),
            list(FormInput.text(TaskForms.submitted(task, "keyColumns"))),
            list(FormInput.text(TaskForms.submitted(task, "reconcileColumns"))),
            rejectThreshold, FormInput.text(TaskForms.submitted(task, "department")), rules);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        return definition;
    }

    private static BigDecimal decimal(FormRow row, String key, List<Problem> problems) {
        String text = row.text(key);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Problem.of("migration.definition.rule.number", String.valueOf(row.number()), text));
            return null;
        }
    }

    private static List<String> list(String text) {
        return text == null ? List.of()
            : Arrays.stream(text.split("[,，]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
