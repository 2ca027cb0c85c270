package io.rollout.requirements;

import io.rollout.project.ProjectScope;
import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import io.rollout.tasksheet.SheetColumn;
import io.rollout.tasksheet.SheetTask;
import io.rollout.tasksheet.TaskSheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The requirement table of {@code UserTask_CaptureRequirements} (form {@code captureRequirements}: one department,
 * the task's variable {@code department}) and {@code UserTask_ClarifyRequirements} (form {@code clarifyRequirements}:
 * every department, with the column {@code withdrawn}) as Excel: the variable {@code requirements} of
 * {@link RequirementCapture}. An upload is read by {@link RequirementImport#read} — the checks of the REST import
 * (headers, departments, ids, priorities, lengths; refused once the specification is baselined); a department's task
 * takes only the rows of its department and counts the others as skipped. The rows show the stored status of a
 * known requirement; Complete then checks and stores them as the form's own rows.
 */
final class RequirementTaskSheet implements TaskSheet {

    private static final List<String> KEYS = List.of(
            "reqId",
            "department",
            "title",
            "painPoint",
            "goal",
            "expectedEffect",
            "priority",
            "acceptanceCriterion",
            "solutionMatch");

    private final String form;
    private final boolean clarify;
    private final List<SheetColumn> columns;
    private final RequirementImport importer;
    private final RequirementRepository requirements;
    private final ProjectScope scope;
    private final Messages messages;

    private RequirementTaskSheet(
            String form,
            boolean clarify,
            RequirementImport importer,
            RequirementRepository requirements,
            ProjectScope scope,
            Messages messages) {
        this.form = form;
        this.clarify = clarify;
        List<String> keys = new ArrayList<>(KEYS);
        if (clarify) {
            keys.add("withdrawn");
        }
        this.columns = SheetColumn.of(keys, RequirementSheet.COLUMNS, Map.of("withdrawn", SheetColumn.Kind.YES_NO));
        this.importer = importer;
        this.requirements = requirements;
        this.scope = scope;
        this.messages = messages;
    }

    /** The two requirement tasks' sheets. */
    @Configuration(proxyBeanMethods = false)
    static class Sheets {

        @Bean
        TaskSheet captureRequirementsSheet(
                RequirementImport importer, RequirementRepository requirements, ProjectScope scope, Messages messages) {
            return new RequirementTaskSheet("captureRequirements", false, importer, requirements, scope, messages);
        }

        @Bean
        TaskSheet clarifyRequirementsSheet(
                RequirementImport importer, RequirementRepository requirements, ProjectScope scope, Messages messages) {
            return new RequirementTaskSheet("clarifyRequirements", true, importer, requirements, scope, messages);
        }
    }

    @Override
    public String form() {
        return form;
    }

    @Override
    public String variable() {
        return RequirementCapture.ROWS;
    }

    @Override
    public String fileName() {
        return "requirements";
    }

    @Override
    public List<SheetColumn> columns() {
        return columns;
    }

    @Override
    public List<Map<String, Object>> download(SheetTask task, List<FormRow> rows) {
        Object department = task.variable("department");
        List<Map<String, Object>> download = new ArrayList<>();
        for (Map<String, Object> row : TaskSheet.super.download(task, rows)) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            // the capture form does not show the department: its rows belong to the task's
            if (!clarify && department != null) {
                copy.put("department", department);
            }
            download.add(copy);
        }
        return download;
    }

    @Override
    public Upload read(SheetTask task, byte[] file) {
        Object department = clarify ? null : task.variable("department");
        RequirementSheet.Parsed parsed = importer.read(
                task.projectCode(),
                file,
                department == null ? scope.departments(task.projectCode()) : List.of(department.toString()));
        if (!parsed.problems().isEmpty()) {
            return Upload.refused(parsed.problems().stream()
                    .map(p -> messages.get(p.code(), p.args()))
                    .toList());
        }
        Map<String, String> stored = requirements.findByProject(task.projectCode()).stream()
                .collect(Collectors.toMap(r -> r.reqId().toUpperCase(Locale.ROOT), Requirement::status));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Requirement r : parsed.rows()) {
            Map<String, Object> row = RequirementCapture.row(r);
            row.put("status", r.reqId() == null ? null : stored.get(r.reqId().toUpperCase(Locale.ROOT)));
            row.put("withdrawn", parsed.withdrawn().contains(r.reqId()));
            rows.add(row);
        }
        return Upload.of(rows, parsed.skipped());
    }
}
