/**
 * Metrics of the engine for operators ({@code /actuator/prometheus}): the job executor's counts and the open
 * incidents by type. Rollout's own metrics (gate outcomes, dry-run rows) are counted where they happen.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Monitoring",
        allowedDependencies = {"identity", "shared"})
@io.rollout.shared.OwnsTables({})
package io.rollout.monitoring;
