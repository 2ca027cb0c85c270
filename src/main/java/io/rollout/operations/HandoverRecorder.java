package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Listener of {@code UserTask_HandOver} in {@code operationsPhase}. On create it prefills the dynamic list
 * {@code moduleOwners} with the project's modules (and owners already named). On complete it checks the
 * handover with {@link HandoverRules} — each internal owner must be an existing user — replaces the
 * project's {@code module_handover} rows and records decision {@code operationsHandover}.
 *
 * <p>Reads {@code projectCode}, {@code moduleOwners} (rows module, internalOwner, runbookLink),
 * {@code knowledgeBaseLink}.
 */
@Component("handoverRecorder")
class HandoverRecorder implements TaskListener {

    static final String MODULE_OWNERS = "moduleOwners";

    private final HandoverRules rules = new HandoverRules();
    private final OperationsRepository repository;
    private final io.rollout.training.TrainingStatus training;
    private final ProjectScope scope;
    private final DecisionLog decisions;
    private final Messages messages;

    HandoverRecorder(OperationsRepository repository, io.rollout.training.TrainingStatus training, ProjectScope scope,
                     DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.training = training;
        this.scope = scope;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        List<String> modules = scope.modules(projectCode);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskForms.prefill(task, MODULE_OWNERS, JsonRows.of(prefill(projectCode, modules)));
            return;
        }
        String knowledgeBase = TaskForms.text(task, "knowledgeBaseLink");
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        HandoverRules.Result result = rules.check(JsonRows.read(TaskForms.submitted(task, MODULE_OWNERS)), modules,
            knowledgeBase, user -> userExists(identity, user), training.trainedLogins(projectCode));
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        String handedOverBy = TaskForms.currentUser(task);
        repository.replaceHandover(projectCode, result.owners(), knowledgeBase, handedOverBy);
        decisions.record(new Decision(projectCode, "operationsHandover", "internal IT", "handed-over",
            result.owners().stream().map(o -> o.module() + ": " + o.internalOwner()).toList(),
            "knowledgeBase=" + knowledgeBase, handedOverBy, task.getProcessInstanceId()));
    }

    private List<Map<String, Object>> prefill(String projectCode, List<String> modules) {
        Map<String, HandoverRules.ModuleOwner> named = repository.handover(projectCode).stream()
            .collect(Collectors.toMap(HandoverRules.ModuleOwner::module, Function.identity()));
        return modules.stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            HandoverRules.ModuleOwner owner = named.get(m);
            row.put("module", m);
            row.put("internalOwner", owner == null ? "" : owner.internalOwner());
            row.put("runbookLink", owner == null || owner.runbookLink() == null ? "" : owner.runbookLink());
            return row;
        }).toList();
    }

    // The IT-operations user who completes the task may not be allowed to read every user; whether an
    // owner exists must not depend on that.
    private static boolean userExists(IdentityService identity, String userId) {
        return Context.getCommandContext().runWithoutAuthorization(
            () -> identity.createUserQuery().userId(userId).count() > 0);
    }
}
