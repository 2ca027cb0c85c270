package io.rollout.project;

import io.rollout.identity.DepartmentOwners;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers the project when {@code implementationProject} starts ({@code StartEvent_ProjectRequested},
 * start listener): validates the start form, stores the project and its scope, and makes the
 * project code the business key. Any problem rejects the start with a message naming the field,
 * and nothing is stored.
 *
 * <p>Reads {@code projectCode}, {@code projectName}, {@code customer}, {@code systemType},
 * {@code departments}, {@code modules}, {@code datasets} (checklists), {@code uatPassTarget},
 * {@code trainingTarget}; writes {@code projectCode} (normalised).
 */
@Component("projectRegistration")
class ProjectRegistration implements ExecutionListener {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,31}");
    static final List<String> SYSTEM_TYPES = List.of("ERP", "CRM", "MES", "OA", "WMS", "OTHER");

    private final ProjectRepository projects;
    private final DepartmentOwners owners;
    private final Messages messages;
    private final List<String> knownDepartments;
    private final ProjectDefaults defaults;

    ProjectRegistration(
            ProjectRepository projects,
            DepartmentOwners owners,
            Messages messages,
            @Value("${rollout.departments}") List<String> knownDepartments,
            ProjectDefaults defaults) {
        this.projects = projects;
        this.owners = owners;
        this.messages = messages;
        this.knownDepartments = knownDepartments;
        this.defaults = defaults;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String code = text(execution, "projectCode");
        if (code == null || !CODE.matcher(code.toUpperCase()).matches()) {
            throw messages.reject("project.code.invalid", code == null ? "" : code);
        }
        code = code.toUpperCase();
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(code)) {
            throw messages.reject("project.code.businessKeyMismatch", businessKey, code);
        }
        if (projects.exists(code)) {
            throw messages.reject("project.code.exists", code);
        }
        String name = required(execution, "projectName");
        String customer = required(execution, "customer");
        String systemType = text(execution, "systemType");
        systemType = systemType == null ? "ERP" : systemType.toUpperCase();
        if (!SYSTEM_TYPES.contains(systemType)) {
            throw messages.reject("project.systemType.unknown", systemType, String.join(", ", SYSTEM_TYPES));
        }
        List<String> departments = distinct(JsonRows.readStrings(execution.getVariable("departments")));
        if (departments.isEmpty()) {
            throw messages.reject("project.field.required", "departments");
        }
        for (String department : departments) {
            if (!knownDepartments.contains(department)) {
                throw messages.reject("project.department.unknown", department, String.join(", ", knownDepartments));
            }
            if (owners.of(department).isEmpty()) {
                throw messages.reject("project.department.noOwner", department);
            }
        }
        List<String> modules = distinct(JsonRows.readStrings(execution.getVariable("modules")));
        if (modules.isEmpty()) {
            throw messages.reject("project.field.required", "modules");
        }
        List<String> datasets = distinct(JsonRows.readStrings(execution.getVariable("datasets")));
        int uatTarget = percent(execution, "uatPassTarget", defaults.uatPassTarget());
        int trainingTarget = percent(execution, "trainingTarget", defaults.trainingTarget());

        projects.create(new Project(
                code,
                name,
                customer,
                systemType,
                uatTarget,
                trainingTarget,
                defaults.trainingPassMark(),
                defaults.migrationRejectThreshold(),
                Project.ACTIVE,
                departments,
                modules,
                datasets,
                execution.getProcessInstanceId(),
                currentUser(execution),
                Instant.now()));
        execution.setProcessBusinessKey(code);
        execution.setVariable("projectCode", code);
    }

    private String required(DelegateExecution execution, String field) {
        String value = text(execution, field);
        if (value == null) {
            throw messages.reject("project.field.required", field);
        }
        return value;
    }

    private int percent(DelegateExecution execution, String field, int fallback) {
        Object value = execution.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.toString());
            if (number < 1 || number > 100 || number != Math.rint(number)) {
                throw messages.reject("project.percent.invalid", field, value);
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw messages.reject("project.percent.invalid", field, value);
        }
    }

    private static String text(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }

    private static List<String> distinct(List<String> values) {
        List<String> result = new ArrayList<>();
        values.stream()
                .map(String::trim)
                .filter(v -> !v.isEmpty() && !result.contains(v))
                .forEach(result::add);
        return result;
    }

    private static String currentUser(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
