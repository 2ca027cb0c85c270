/**
 * Readiness, cutover plan and execution, dual run ({@code goLive}); reads the other phases only through their
 * {@code readiness} interfaces.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Go-live",
        allowedDependencies = {
            "audit",
            "build :: readiness",
            "identity",
            "migration :: readiness",
            "operations",
            "planning :: readiness",
            "project",
            "shared",
            "training :: readiness",
            "uat :: readiness"
        })
@io.rollout.shared.OwnsTables({
    "go_live_decision",
    "cutover_plan",
    "cutover_wave",
    "cutover_key_figure",
    "runbook_step",
    "cutover_run",
    "cutover_step",
    "dual_run_check"
})
package io.rollout.golive;
