/**
 * Task sheets: spreadsheet-like editing of a task's rows.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Task sheets",
        allowedDependencies = {"identity", "shared"})
package io.rollout.tasksheet;
