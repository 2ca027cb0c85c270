/**
 * Datasets, rules, dry runs and sign-off ({@code dataMigration}); {@code MigrationStatus} is its read API for go-
 * live.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Data migration",
        allowedDependencies = {"audit", "identity", "project", "shared"})
@io.rollout.shared.OwnsTables({
    "migration_dataset",
    "migration_rule",
    "migration_extract",
    "migration_run",
    "migration_run_sum",
    "migration_run_reason",
    "migration_signoff",
    "migration_staging"
})
package io.rollout.migration;
