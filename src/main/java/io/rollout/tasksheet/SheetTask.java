package io.rollout.tasksheet;

import java.util.function.Function;

/**
 * The task a sheet is read or written for, as the user may see it.
 *
 * @param id          the task id
 * @param name        the task's name as Tasklist shows it
 * @param projectCode the project the task belongs to
 * @param variables   reads a variable visible to the task (e.g. {@code department}) with the user's rights
 */
public record SheetTask(String id, String name, String projectCode, Function<String, Object> variables) {

    /** A variable of the task, {@code null} when it has none. */
    public Object variable(String name) {
        return variables.apply(name);
    }
}
