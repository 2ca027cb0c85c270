package io.rollout.programme;

import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_StartPhaseProject} in {@code programme}: starts the implementation project of phase
 * {@code phaseNo} with the project data stored for it, as the PMO who started the programme, and marks the phase
 * running. The phase then waits until its project reaches operations ({@link ProgrammeProgress}).
 */
@Component("programmePhaseStarter")
class ProgrammePhaseStarter implements JavaDelegate {

    private final ProgrammeRepository repository;
    private final RuntimeService runtime;

    ProgrammePhaseStarter(ProgrammeRepository repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String programme = ProcessVariables.string(execution, "programmeCode");
        int no = ProcessVariables.integer(execution, "phaseNo");
        ProgrammeRepository.Phase phase = repository.phases(programme).stream()
                .filter(p -> p.no() == no)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("programme " + programme + " has no phase " + no));
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", phase.projectCode());
        form.put("projectName", phase.projectName());
        form.put("customer", execution.getVariable("customer"));
        form.put("systemType", execution.getVariable("systemType"));
        form.put("departments", JsonRows.ofStrings(phase.departments()));
        form.put("modules", JsonRows.ofStrings(phase.modules()));
        form.put("datasets", JsonRows.ofStrings(phase.datasets()));
        form.put("projectInitiator", repository.startedBy(programme));
        form.put("programmeCode", programme);
        runtime.startProcessInstanceByKey("implementationProject", form);
        repository.started(programme, no);
    }
}
