package io.rollout.programme;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener of {@code StartEvent_SystemLive} in {@code operationsPhase}: when a project that is a phase
 * of a programme reaches operations, the phase is marked so and the programme is told (message
 * {@code projectReachedOperations}), which starts its next phase.
 */
@Component("programmeProgress")
class ProgrammeProgress implements ExecutionListener {

    static final String MESSAGE = "projectReachedOperations";

    private final ProgrammeRepository repository;
    private final RuntimeService runtime;
    private final DecisionLog decisions;

    ProgrammeProgress(ProgrammeRepository repository, RuntimeService runtime, DecisionLog decisions) {
        this.repository = repository;
        this.runtime = runtime;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String projectCode = ProcessVariables.projectCode(execution);
        repository.reachedOperations(projectCode).ifPresent(programme -> {
            decisions.record(new Decision(
                    projectCode,
                    "programmePhase",
                    "programme " + programme,
                    "in-operations",
                    List.of(),
                    null,
                    DecisionLog.SYSTEM,
                    execution.getProcessInstanceId()));
            runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(programme)
                    .correlateWithResult();
        });
    }
}
