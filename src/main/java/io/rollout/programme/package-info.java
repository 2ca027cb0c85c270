/**
 * Programmes of several projects.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Programme",
        allowedDependencies = {"audit", "identity", "project", "shared"})
@io.rollout.shared.OwnsTables({"programme", "programme_phase"})
package io.rollout.programme;
