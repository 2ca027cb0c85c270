package io.rollout.change;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.change.ChangeRequestRules.Raise;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising a change request, the same way from {@code POST /api/projects/{code}/change-requests} and from the
 * Tasklist process {@code changeRequest}: checks it with {@link ChangeRequestRules}, stores it, records it in the
 * decision log and correlates message {@value #MESSAGE} (variable {@code changeRequestId}) to the project's
 * {@code implementationProject} instance, whose event sub-process {@code SubProcess_ChangeRequest} takes it from there.
 */
@Service
public class ChangeRequests {

    static final String MESSAGE = "ChangeRequestRaised";
    /** The variable that names the change request in the processes (Long). */
    static final String ID = "changeRequestId";

    private final ChangeRequestRepository repository;
    private final ProjectRepository projects;
    private final DecisionLog decisions;
    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Messages messages;

    ChangeRequests(
            ChangeRequestRepository repository,
            ProjectRepository projects,
            DecisionLog decisions,
            RuntimeService runtime,
            ProcessEngineConfigurationImpl engineConfiguration,
            Messages messages) {
        this.repository = repository;
        this.projects = projects;
        this.decisions = decisions;
        this.runtime = runtime;
        this.engineConfiguration = engineConfiguration;
        this.messages = messages;
    }

    /**
     * Stores and correlates a change request; refuses bad input (and a project that does not run) with every
     * reason, storing nothing.
     *
     * @param milestones affected milestones by id or exact name
     * @return the new change request's id
     */
    @Transactional
    public long raise(
            String projectCode,
            String description,
            String reason,
            Collection<String> requirementIds,
            Collection<String> milestones,
            String user) {
        Project project =
                projects.find(projectCode).orElseThrow(() -> messages.reject("project.notFound", projectCode));
        if (!Project.ACTIVE.equals(project.status())) {
            throw messages.reject("change.project.notActive", projectCode, project.status());
        }
        Raise raise = ChangeRequestRules.raise(
                description,
                reason,
                requirementIds,
                milestones,
                repository.requirementIds(projectCode),
                repository.milestones(projectCode));
        if (!raise.valid()) {
            throw Problem.reject(messages, raise.problems());
        }
        long id = repository.create(projectCode, raise, user);
        decisions.record(new Decision(
                projectCode,
                "changeRequest",
                ChangeRequest.subject(id),
                ChangeRequest.RAISED,
                List.of(description, reason),
                "requirements=" + raise.requirementIds() + "; milestones="
                        + raise.milestones().stream()
                                .map(ChangeRequestRules.MilestoneRef::name)
                                .toList(),
                user,
                project.processInstanceId()));
        try {
            // who may raise is decided by Rollout's roles; the correlation itself is the system's act
            engineConfiguration
                    .getCommandExecutorTxRequired()
                    .execute(context -> context.runWithoutAuthorization(() -> runtime.createMessageCorrelation(MESSAGE)
                            .processInstanceBusinessKey(projectCode)
                            .setVariable(ID, id)
                            .correlateWithResult()));
        } catch (MismatchingMessageCorrelationException e) {
            throw messages.reject("change.project.notRunning", projectCode);
        }
        return id;
    }
}
