/**
 * Change requests and plan rebaselines ({@code changeControl}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Change control",
        allowedDependencies = {"audit", "identity", "planning", "project", "requirements", "shared"})
@io.rollout.shared.OwnsTables({
    "change_request",
    "change_request_requirement",
    "change_request_milestone",
    "plan_baseline",
    "milestone_baseline"
})
package io.rollout.change;
