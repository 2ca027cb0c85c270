package io.rollout.shared;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of the variables the models share: the project code every Rollout process carries, the
 * department, module and dataset a task is about, and numeric ids. A task or an execution is a
 * {@link VariableScope}, so listeners and delegates use the same calls. A variable that is not set reads as
 * {@code null}; a number stored as Integer or Long (Tasklist submits Long, the engine's own tests Integer) reads the
 * same.
 */
public final class ProcessVariables {

    /** {@code projectCode}: set by every start of a project's processes. */
    public static final String PROJECT_CODE = "projectCode";

    private ProcessVariables() {}

    /** The project the process instance belongs to. */
    public static String projectCode(VariableScope scope) {
        return string(scope, PROJECT_CODE);
    }

    /** The department a per-department task or sub-process is about ({@code department}). */
    public static String department(VariableScope scope) {
        return string(scope, "department");
    }

    /** The module a per-module task or sub-process is about ({@code module}). */
    public static String module(VariableScope scope) {
        return string(scope, "module");
    }

    /** The dataset a per-dataset task or sub-process is about ({@code dataset}). */
    public static String dataset(VariableScope scope) {
        return string(scope, "dataset");
    }

    /** A String variable, or {@code null}. */
    public static String string(VariableScope scope, String name) {
        return (String) scope.getVariable(name);
    }

    /** A whole-number variable (an id, a round, a version) as Integer, or {@code null}. */
    public static Integer integer(VariableScope scope, String name) {
        Number value = (Number) scope.getVariable(name);
        return value == null ? null : value.intValue();
    }

    /** A whole-number variable (a row id) as Long, or {@code null}. */
    public static Long id(VariableScope scope, String name) {
        Number value = (Number) scope.getVariable(name);
        return value == null ? null : value.longValue();
    }
}
