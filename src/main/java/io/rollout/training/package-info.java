/**
 * Roster, curricula, attendance and the completion check ({@code trainingPhase}); {@code TrainingStatus} is its read
 * API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Training",
        allowedDependencies = {"audit", "gate", "identity", "project", "shared", "tasksheet"})
@io.rollout.shared.OwnsTables({"trainee", "training_plan", "training_attendance", "curriculum", "curriculum_session"})
package io.rollout.training;
