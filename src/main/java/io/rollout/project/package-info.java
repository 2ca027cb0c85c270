/**
 * The project record and its scope, the main process {@code implementationProject}, project access checks.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Project",
        allowedDependencies = {"audit", "identity", "shared"})
@io.rollout.shared.OwnsTables({"project", "project_department", "project_module", "project_dataset"})
package io.rollout.project;
