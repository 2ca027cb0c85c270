/**
 * Iterations, configuration, customisations and module acceptance ({@code buildPhase}); {@code BuildStatus} is its
 * read API for go-live.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Build",
        allowedDependencies = {"audit", "identity", "project", "requirements", "shared"})
@io.rollout.shared.OwnsTables({
    "build_iteration",
    "iteration_requirement",
    "configuration_item",
    "customisation",
    "module_acceptance",
    "vendor_baseline"
})
package io.rollout.build;
