package io.rollout.migration;

import io.rollout.migration.MigrationRepository.Extract;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_UploadExtract} in {@code SubProcess_DatasetMigration} of
 * {@code dataMigration}. Tasklist's embedded form {@code forms/embedded/upload-extract.html} submits the
 * file as the File variable {@code extractFile}: it is checked and moved into the migration store and
 * the variable is removed (files do not live in process variables). The REST upload
 * ({@code POST /api/projects/{code}/datasets/{dataset}/extracts}) stores the file first and completes
 * the task with {@code extractId}. Either way the task ends with {@code extractId} of a pending extract
 * of this dataset, which {@code ServiceTask_RunDryRun} reads; a bad file refuses the completion.
 */
@Component("extractUpload")
class ExtractUpload extends FormTaskListener {

    static final String FILE = "extractFile";
    static final String EXTRACT_ID = "extractId";

    private final MigrationService migration;
    private final MigrationRepository migrations;
    private final Messages messages;

    ExtractUpload(MigrationService migration, MigrationRepository migrations, Messages messages) {
        this.migration = migration;
        this.migrations = migrations;
        this.messages = messages;
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String dataset = ProcessVariables.dataset(task);
        TypedValue file = task.getVariableTyped(FILE);
        if (file instanceof FileValue upload && upload.getValue() != null) {
            Extract extract;
            try (InputStream content = upload.getValue()) {
                byte[] bytes = content.readAllBytes();
                extract = migration.accept(
                        projectCode,
                        dataset,
                        ExtractStore.safe(upload.getFilename()),
                        bytes.length,
                        new java.io.ByteArrayInputStream(bytes),
                        TaskForms.currentUser(task));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            task.getExecution().removeVariable(FILE);
            task.getExecution().setVariable(EXTRACT_ID, extract.id());
            return;
        }
        Object id = task.getVariable(EXTRACT_ID);
        boolean pending = id instanceof Number n
                && migrations
                        .extract(n.longValue())
                        .filter(e -> e.projectCode().equals(projectCode)
                                && e.dataset().equals(dataset))
                        .filter(e -> MigrationRepository.PENDING.equals(e.status()))
                        .isPresent();
        if (!pending) {
            throw messages.reject("migration.extract.fileRequired");
        }
    }
}
