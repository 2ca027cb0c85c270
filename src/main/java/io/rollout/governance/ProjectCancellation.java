package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.ProjectCancellations.Cancellation;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CancelProject} of the interrupting event sub-process {@code SubProcess_CancelProject} in
 * {@code implementationProject}: by the time it runs the engine has ended every phase and open task; it sets the
 * project's status to {@code cancelled} and logs decision {@code projectCancellation} with the steering committee's
 * reason. Reads {@code cancellationId}.
 */
@Component("projectCancellation")
class ProjectCancellation implements JavaDelegate {

    private final ProjectCancellations cancellations;
    private final ProjectRepository projects;
    private final DecisionLog decisions;

    ProjectCancellation(ProjectCancellations cancellations, ProjectRepository projects, DecisionLog decisions) {
        this.cancellations = cancellations;
        this.projects = projects;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Cancellation cancellation = cancellations.find(ProcessVariables.id(execution, "cancellationId"));
        projects.updateStatus(cancellation.projectCode(), Project.CANCELLED);
        decisions.record(new Decision(
                cancellation.projectCode(),
                "projectCancellation",
                "project",
                Project.CANCELLED,
                List.of(cancellation.reason()),
                "cancellation=" + cancellation.id(),
                cancellation.decidedBy(),
                execution.getProcessInstanceId()));
    }
}
