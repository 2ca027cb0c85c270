package io.rollout.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.io.ClassPathResource;

/**
 * The fields of an open task's form or of a process's start form, as {@link TaskCompletionGuard#formFields} reads them: a Camunda Form or an
 * embedded form from the deployment, or an embedded form that Rollout serves itself
 * ({@code embedded:/forms/embedded/...}, see {@code migration.EmbeddedForms}). Read without authorization checks:
 * the guard must know the form whoever asks, and it never hands the form out.
 */
final class TaskFormFields {

    static final String EMBEDDED = "embedded:";
    static final String SERVED_EMBEDDED = "/forms/embedded/";

    private final ProcessEngineConfigurationImpl engine;

    TaskFormFields(ProcessEngineConfiguration engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine;
    }

    /**
     * The variable names the task's form submits; an empty set for a task without a readable form (its completion
     * may then carry no variables); empty when there is no such open task (the engine answers that itself).
     */
    Optional<Set<String>> of(String taskId) {
        Command<Optional<Set<String>>> read = context -> context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.<Set<String>>empty();
            }
            task.initializeFormKey();
            String formKey = task.getFormKey();
            if (formKey == null && task.getCamundaFormRef() == null) {
                return Optional.of(Set.<String>of());
            }
            if (formKey != null && formKey.startsWith(EMBEDDED + SERVED_EMBEDDED)) {
                return Optional.of(served(formKey.substring(EMBEDDED.length())));
            }
            try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
                return Optional.of(
                        TaskCompletionGuard.formFields(new String(form.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (RuntimeException | IOException e) {
                // e.g. embedded:app: forms, which this application does not serve: nothing may be submitted
                return Optional.of(Set.<String>of());
            }
        });
        return engine.getCommandExecutorTxRequired().execute(read);
    }

    /**
     * The variable names the start form of a process submits (the definition by id, else the latest by key and
     * tenant); an empty set for a process without a readable start form; empty when there is no such process.
     */
    Optional<Set<String>> ofStart(String definitionId, String key, String tenantId) {
        Command<Optional<Set<String>>> read = context -> context.runWithoutAuthorization(() -> {
            ProcessDefinitionManager definitions = context.getProcessDefinitionManager();
            ProcessDefinitionEntity definition = definitionId != null
                    ? definitions.findLatestDefinitionById(definitionId)
                    : tenantId != null
                            ? definitions.findLatestProcessDefinitionByKeyAndTenantId(key, tenantId)
                            : definitions.findLatestProcessDefinitionByKey(key);
            if (definition == null) {
                return Optional.<Set<String>>empty();
            }
            try (InputStream form = new GetDeployedStartFormCmd(definition.getId()).execute(context)) {
                return Optional.of(
                        TaskCompletionGuard.formFields(new String(form.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (RuntimeException | IOException e) {
                // no start form, or one this application does not serve: nothing may be submitted
                return Optional.of(Set.<String>of());
            }
        });
        return engine.getCommandExecutorTxRequired().execute(read);
    }

    private static Set<String> served(String path) {
        if (path.contains("..")) {
            return Set.of();
        }
        ClassPathResource resource = new ClassPathResource(path.substring(1));
        if (!resource.exists()) {
            return Set.of();
        }
        try (InputStream in = resource.getInputStream()) {
            return TaskCompletionGuard.formFields(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
