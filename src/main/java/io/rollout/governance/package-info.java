/**
 * Status reports, steering reviews, the risk and issue log, overdue milestones, cancellation.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Governance",
        allowedDependencies = {"audit", "gate", "identity", "planning", "planning :: readiness", "project", "shared"})
@io.rollout.shared.OwnsTables({"log_entry", "status_report", "milestone_escalation", "project_cancellation"})
package io.rollout.governance;
