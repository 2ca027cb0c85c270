/**
 * Project plan, milestones, risk register, scope and system selection ({@code planningPhase}); other modules reach
 * milestones and risks through {@code MilestoneRegister} and {@code RiskRegister}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Planning",
        allowedDependencies = {"audit", "identity", "project", "shared"})
@io.rollout.shared.OwnsTables({
    "project_plan",
    "milestone",
    "risk",
    "resource_allocation",
    "scope_decision",
    "pilot_module",
    "system_selection",
    "vendor_criterion",
    "vendor_score",
    "vendor_ranking",
    "legacy_system",
    "system_interface",
    "migration_need"
})
package io.rollout.planning;
