/**
 * Deploying and migrating process models from Camunda Modeler.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Process modelling",
        allowedDependencies = {"audit", "identity", "project", "shared"})
@io.rollout.shared.OwnsTables({"process_migration", "process_migration_instance"})
package io.rollout.modelling;
