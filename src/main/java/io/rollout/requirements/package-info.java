/**
 * Requirements, specification versions and sign-off ({@code requirementsPhase}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Requirements",
        allowedDependencies = {"audit", "gate", "identity", "project", "shared", "tasksheet"})
@io.rollout.shared.OwnsTables({
    "requirement",
    "specification_version",
    "specification_approval",
    "specification_requirement",
    "department_research",
    "research_activity",
    "effect_verification"
})
package io.rollout.requirements;
