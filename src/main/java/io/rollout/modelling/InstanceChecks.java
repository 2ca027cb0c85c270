package io.rollout.modelling;

import io.rollout.modelling.MigrationPlanner.Prepared;
import io.rollout.modelling.ProcessMigrations.InstanceCheck;
import io.rollout.modelling.ProcessMigrations.Request;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dry run of a migration: migrates each chosen instance for real in a transaction of its own that is rolled
 * back, so whatever the engine would refuse it refuses here, and reports why, naming the activities by their names.
 */
@Component
class InstanceChecks {

    private final RuntimeService runtime;
    private final Messages messages;
    private final TransactionTemplate separate;

    InstanceChecks(RuntimeService runtime, Messages messages, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.messages = messages;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The dry run of the chosen instances, or of every instance of the source version when none are chosen. */
    List<InstanceCheck> of(Request request, Prepared prepared) {
        List<String> ids = request.processInstanceIds() != null
                        && !request.processInstanceIds().isEmpty()
                ? request.processInstanceIds().stream().distinct().toList()
                : runtime
                        .createProcessInstanceQuery()
                        .processDefinitionId(prepared.source().getId())
                        .orderByProcessInstanceId()
                        .asc()
                        .list()
                        .stream()
                        .map(ProcessInstance::getId)
                        .toList();
        return ids.stream().map(id -> check(id, prepared)).toList();
    }

    /** Migrates one instance for real and rolls it back: whatever the engine would refuse, it refuses here. */
    private InstanceCheck check(String id, Prepared prepared) {
        ProcessInstance instance =
                runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (instance == null) {
            return new InstanceCheck(id, null, false, List.of(messages.get("modelling.migration.notRunning", id)));
        }
        if (!instance.getProcessDefinitionId().equals(prepared.source().getId())) {
            return new InstanceCheck(
                    id,
                    instance.getBusinessKey(),
                    false,
                    List.of(messages.get(
                            "modelling.migration.otherVersion",
                            prepared.source().getKey(),
                            prepared.source().getVersion())));
        }
        List<String> failures = separate.execute(status -> {
            try {
                runtime.newMigration(prepared.plan()).processInstanceIds(id).execute();
                return List.<String>of();
            } catch (MigratingProcessInstanceValidationException e) {
                return failures(e, prepared);
            } catch (ProcessEngineException e) {
                return List.of(e.getMessage());
            } finally {
                status.setRollbackOnly();
            }
        });
        return new InstanceCheck(id, instance.getBusinessKey(), failures.isEmpty(), failures);
    }

    private List<String> failures(MigratingProcessInstanceValidationException e, Prepared prepared) {
        Map<String, String> names = prepared.sourceNames();
        List<String> failures = new ArrayList<>(e.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport r :
                e.getValidationReport().getActivityInstanceReports()) {
            r.getFailures().forEach(f -> failures.add(activity(r.getSourceScopeId(), names) + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport r :
                e.getValidationReport().getTransitionInstanceReports()) {
            r.getFailures().forEach(f -> failures.add(activity(r.getSourceScopeId(), names) + ": " + f));
        }
        return failures;
    }

    private static String activity(String id, Map<String, String> names) {
        String name = names.get(id);
        return name == null || name.equals(id) ? id : id + " \"" + name + "\"";
    }
}
