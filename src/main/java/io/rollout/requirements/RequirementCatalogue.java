package io.rollout.requirements;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read API of the requirements module: a project's requirements as they stand now (table {@code requirement}, which
 * only this module writes). Build reads them for iteration scope and upgrade risk, UAT for coverage and
 * traceability, change control for the requirements a change names, operations for linking feedback.
 */
@Component
public class RequirementCatalogue {

    private final RequirementRepository requirements;

    RequirementCatalogue(RequirementRepository requirements) {
        this.requirements = requirements;
    }

    /** The project's requirements by id. */
    public List<Requirement> of(String projectCode) {
        return requirements.findByProject(projectCode);
    }

    /** The requirements of one department of the project, by id. */
    public List<Requirement> ofDepartment(String projectCode, String department) {
        return requirements.findByDepartment(projectCode, department);
    }
}
