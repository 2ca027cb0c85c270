package io.rollout.project;

import io.rollout.shared.ForModels;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The scope of a project for multi-instance activities, read from the project's tables rather than
 * from process variables: {@code camunda:collection="${projectScope.departments(projectCode)}"}
 * in {@code requirementsPhase}, {@code modules(...)} in {@code buildPhase}, {@code datasets(...)}
 * in {@code dataMigration}.
 */
@ForModels
@Component("projectScope")
public class ProjectScope {

    private final ProjectRepository projects;

    ProjectScope(ProjectRepository projects) {
        this.projects = projects;
    }

    public List<String> departments(String projectCode) {
        return projects.departments(projectCode);
    }

    public List<String> modules(String projectCode) {
        return projects.modules(projectCode);
    }

    public List<String> datasets(String projectCode) {
        return projects.datasets(projectCode);
    }

    /** The project itself, for delegates that need its targets; fails if the code is unknown. */
    public Project project(String projectCode) {
        return projects.find(projectCode)
                .orElseThrow(() -> new IllegalStateException("no project with code " + projectCode));
    }
}
