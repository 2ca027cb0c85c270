package io.rollout.build;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The upgrade risk of a module: the share of its requirements met by customisation instead of the
 * vendor's standard or configuration, and the effort spent on customisation. Shown in
 * {@code UserTask_AcceptModule} and {@code GET /api/projects/{code}/build}, recorded with the
 * {@code moduleAcceptance} decision.
 *
 * <p>A module's requirements are those of its owning department that the system is meant to meet
 * (solution match not {@code not-covered}), plus any other requirement a customisation of the module
 * serves. Only approved or developed customisations count: a proposal may still be rejected.
 *
 * @param requirements        the module's requirements
 * @param customised          how many of them a customisation meets
 * @param sharePercent        {@code customised / requirements} in percent, rounded; 0 without requirements
 * @param customisationDays   effort of the counted customisations, in days
 */
record UpgradeRisk(int requirements, int customised, int sharePercent, int customisationDays) {

    static final String NOT_COVERED = "not-covered";

    /** A requirement of the module's department with its planned solution match (may be null). */
    record ModuleRequirement(String id, String solutionMatch) {}

    /** A customisation as it counts for the risk. */
    record CountedCustomisation(String requirementId, String status, int effortDays) {}

    /** Computes the risk. Plain rule: no engine, no Spring. */
    static UpgradeRisk of(
            Collection<ModuleRequirement> moduleRequirements, Collection<CountedCustomisation> customisations) {
        Set<String> requirements = new HashSet<>();
        for (ModuleRequirement r : moduleRequirements) {
            if (!NOT_COVERED.equals(r.solutionMatch())) {
                requirements.add(r.id());
            }
        }
        Set<String> customised = new HashSet<>();
        int days = 0;
        for (CountedCustomisation c : customisations) {
            if (CustomisationRules.APPROVED.equals(c.status()) || CustomisationRules.DEVELOPED.equals(c.status())) {
                customised.add(c.requirementId());
                days += c.effortDays();
            }
        }
        requirements.addAll(customised);
        int share = requirements.isEmpty() ? 0 : (int) Math.round(100.0 * customised.size() / requirements.size());
        return new UpgradeRisk(requirements.size(), customised.size(), share, days);
    }
}
