package io.rollout.project;

import io.rollout.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the project closed once operations are handed over ({@code ServiceTask_CloseProject}). */
@Component("projectClosure")
class ProjectClosure implements JavaDelegate {

    private final ProjectRepository projects;

    ProjectClosure(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        projects.updateStatus(ProcessVariables.projectCode(execution), Project.CLOSED);
    }
}
