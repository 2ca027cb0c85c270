package io.rollout.build;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rollout.build.*}: the department that owns each module by default (its business owner accepts
 * the module; {@code UserTask_PlanIteration} may name another per project), and the effort above which
 * the steering committee instead of the PMO approves a customisation.
 *
 * @param moduleDepartments     module to department, e.g. {@code inventory: warehouse}; a module not listed
 *                              belongs to the department of the same name
 * @param steeringThresholdDays customisations with more effort days go to the steering committee
 */
@ConfigurationProperties("rollout.build")
record BuildProperties(
        Map<String, String> moduleDepartments,
        @DefaultValue("10") int steeringThresholdDays) {

    /** The default owning department of a module. */
    String departmentOf(String module) {
        return moduleDepartments == null ? module : moduleDepartments.getOrDefault(module, module);
    }
}
