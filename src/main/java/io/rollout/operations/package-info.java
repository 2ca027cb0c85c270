/**
 * Hypercare incidents, hand-over, feedback backlog and the post-implementation review.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {
            "audit",
            "change",
            "gate",
            "identity",
            "planning",
            "project",
            "requirements",
            "shared",
            "training :: readiness",
            "uat :: readiness"
        })
@io.rollout.shared.OwnsTables({
    "incident",
    "module_handover",
    "module_administrator",
    "post_implementation_review",
    "feedback",
    "kpi_baseline"
})
package io.rollout.operations;
