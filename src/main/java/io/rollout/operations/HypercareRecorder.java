package io.rollout.operations;

import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of {@code UserTask_RunHypercare} in {@code operationsPhase}. On create it prefills the dynamic
 * list {@code incidents} from table {@code incident}. On complete it checks every row with
 * {@link HypercareRules}, upserts the incidents, and writes {@code hypercareExitOk} (Boolean, for
 * {@code Gateway_HypercareExit}) and {@code hypercareFindings} (why hypercare goes on).
 *
 * <p>Reads {@code projectCode}, {@code incidents} (rows id, title, severity, module, reporter, status,
 * resolution), {@code exitHypercare} (checkbox).
 */
@Component("hypercareRecorder")
class HypercareRecorder implements TaskListener {

    static final String INCIDENTS = "incidents";

    private final HypercareRules rules = new HypercareRules();
    private final OperationsRepository repository;
    private final ProjectScope scope;
    private final Messages messages;

    HypercareRecorder(OperationsRepository repository, ProjectScope scope, Messages messages) {
        this.repository = repository;
        this.scope = scope;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskForms.prefill(task, INCIDENTS,
                JsonRows.of(repository.incidents(projectCode).stream().map(HypercareRecorder::row).toList()));
            return;
        }
        HypercareRules.Result result = rules.read(JsonRows.read(TaskForms.submitted(task, INCIDENTS)),
            scope.modules(projectCode));
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        repository.upsertIncidents(projectCode, result.incidents());
        HypercareRules.Exit exit = rules.exit(Boolean.TRUE.equals(FormInput.yesNo(task.getVariable("exitHypercare"))),
            repository.incidents(projectCode));
        task.setVariable("hypercareExitOk", exit.ok());
        task.setVariable("hypercareFindings", String.join("\n", exit.findings().stream()
            .map(p -> "- " + messages.forRecord(p.code(), p.args())).toList()));
    }

    private static Map<String, Object> row(HypercareRules.Incident i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", i.id());
        row.put("title", i.title());
        row.put("severity", i.severity());
        row.put("module", i.module());
        row.put("reporter", i.reporter());
        row.put("status", i.status());
        row.put("resolution", i.resolution());
        return row;
    }
}
