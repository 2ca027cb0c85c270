package io.rollout.migration;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.migration.DryRun.ColumnSum;
import io.rollout.migration.MigrationRepository.Extract;
import io.rollout.migration.MigrationRepository.Run;
import io.rollout.project.ProjectAccess;
import io.rollout.project.ProjectRepository;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The data migration API of a project's datasets ({@code /api/projects/{code}/datasets/...}):
 * <ul>
 * <li>{@code GET /datasets}, {@code GET /datasets/{dataset}}: definitions with their rules (JSON of
 *     {@link DatasetDefinition}); {@code PUT /datasets/{dataset}}: the data steward registers or changes a
 *     definition (400 with every problem).</li>
 * <li>{@code POST /datasets/{dataset}/extracts} (multipart {@code file}): the data steward uploads an
 *     extract for the dataset's open {@code UserTask_UploadExtract}; the file is checked and stored and
 *     the task completed, the dry run follows in the background. 202 {@code {extractId, ...}}, 400 with the
 *     reason (nothing stored), 409 when the dataset waits for no extract (also when another upload or completion
 *     of the same task came first: competing uploads of a project queue up on its row).</li>
 * <li>{@code GET /datasets/{dataset}/runs}: the rounds with their reconciliation;
 *     {@code GET /datasets/{dataset}/runs/{round}/{rejected|duplicates|accepted}.{csv|xlsx}}: downloads.</li>
 * </ul>
 * Writing needs {@code data-steward} (or admin), reading any project role; others get 403.
 */
@RestController
class MigrationController {

    static final List<String> STEWARDS = List.of(Roles.DATA_STEWARD);
    static final List<String> READERS = List.of(
            Roles.DATA_STEWARD,
            Roles.PMO,
            Roles.BUSINESS_OWNER,
            Roles.AUDITOR,
            Roles.CONSULTANT,
            Roles.DEVELOPER,
            Roles.STEERING_COMMITTEE);
    static final String UPLOAD_TASK = "UserTask_UploadExtract";
    static final List<String> FILES = List.of("rejected", "duplicates", "accepted");

    private final CurrentUser user;
    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final ProjectScope scope;
    private final MigrationService migration;
    private final DatasetRepository datasets;
    private final MigrationRepository migrations;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final Messages messages;

    MigrationController(
            CurrentUser user,
            ProjectAccess access,
            ProjectRepository projects,
            ProjectScope scope,
            MigrationService migration,
            DatasetRepository datasets,
            MigrationRepository migrations,
            TaskService tasks,
            PlatformTransactionManager transactions,
            Messages messages) {
        this.user = user;
        this.access = access;
        this.projects = projects;
        this.scope = scope;
        this.migration = migration;
        this.datasets = datasets;
        this.migrations = migrations;
        this.tasks = tasks;
        this.transaction = new TransactionTemplate(transactions);
        this.messages = messages;
    }

    @GetMapping("/api/projects/{code}/datasets")
    List<DatasetDefinition> definitions(@PathVariable String code) {
        access.require(code, READERS);
        return datasets.all(code);
    }

    @GetMapping("/api/projects/{code}/datasets/{dataset}")
    DatasetDefinition definition(@PathVariable String code, @PathVariable String dataset) {
        requireDataset(code, dataset, READERS);
        return datasets.find(code, dataset)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, messages.get("migration.dataset.undefined", dataset, code)));
    }

    @PutMapping("/api/projects/{code}/datasets/{dataset}")
    DatasetDefinition define(
            @PathVariable String code, @PathVariable String dataset, @RequestBody DatasetDefinition body) {
        requireDataset(code, dataset, STEWARDS);
        migration.define(code, body.withDataset(dataset), user.id());
        return datasets.find(code, dataset).orElseThrow();
    }

    @PostMapping(
            path = "/api/projects/{code}/datasets/{dataset}/extracts",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(
            @PathVariable String code, @PathVariable String dataset, @RequestParam("file") MultipartFile file) {
        requireDataset(code, dataset, STEWARDS);
        String userId = user.id();
        String fileName =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "extract.csv"
                        : ExtractStore.safe(file.getOriginalFilename());
        Map<String, Object> answer = transaction.execute(status -> {
            // a second upload for the same task (another tab, another node) waits here and then finds no open task
            projects.lock(code);
            Task task = openUploadTask(code, dataset);
            Extract extract;
            try (InputStream content = file.getInputStream()) {
                extract = migration.accept(code, dataset, fileName, file.getSize(), content, userId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                tasks.complete(task.getId(), Map.of(ExtractUpload.EXTRACT_ID, extract.id()));
            } catch (NullValueException e) {
                // completed in the meantime through Tasklist or the engine REST API; the extract is rolled back
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT, messages.get("migration.extract.noOpenUpload", dataset, code));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("extractId", extract.id());
            body.put("fileName", extract.fileName());
            body.put("format", extract.format());
            body.put("sizeBytes", extract.sizeBytes());
            body.put("completedTask", task.getId());
            return body;
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @GetMapping("/api/projects/{code}/datasets/{dataset}/runs")
    List<Map<String, Object>> runs(@PathVariable String code, @PathVariable String dataset) {
        requireDataset(code, dataset, READERS);
        return migrations.runs(code, dataset).stream()
                .map(run -> runJson(code, dataset, run))
                .toList();
    }

    @GetMapping("/api/projects/{code}/datasets/{dataset}/runs/{round}/{name}.csv")
    ResponseEntity<StreamingResponseBody> csv(
            @PathVariable String code,
            @PathVariable String dataset,
            @PathVariable int round,
            @PathVariable String name) {
        Path file = resultFile(code, dataset, round, name);
        StreamingResponseBody body = out -> ResultExport.toSafeCsv(file, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(code, dataset, round, name, "csv"))
                .body(body);
    }

    @GetMapping("/api/projects/{code}/datasets/{dataset}/runs/{round}/{name}.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(
            @PathVariable String code,
            @PathVariable String dataset,
            @PathVariable int round,
            @PathVariable String name) {
        Path file = resultFile(code, dataset, round, name);
        StreamingResponseBody body = out -> ResultExport.toXlsx(file, name, out);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(code, dataset, round, name, "xlsx"))
                .body(body);
    }

    private Path resultFile(String code, String dataset, int round, String name) {
        requireDataset(code, dataset, READERS);
        Path file = FILES.contains(name) ? migration.resultFile(code, dataset, round, name + ".csv") : null;
        if (file == null) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, messages.get("migration.run.notFound", dataset, String.valueOf(round), name));
        }
        return file;
    }

    private static String attachment(String code, String dataset, int round, String name, String extension) {
        return ContentDisposition.attachment()
                .filename(
                        code + "-" + dataset + "-round-" + round + "-" + name + "." + extension,
                        java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    private Map<String, Object> runJson(String code, String dataset, Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("round", run.round());
        json.put("sourceFile", run.sourceFile());
        json.put("format", run.format());
        json.put("sourceRows", run.figures().source());
        json.put("acceptedRows", run.figures().accepted());
        json.put("rejectedRows", run.figures().rejected());
        json.put("duplicateRows", run.duplicateRows());
        json.put("duplicateGroups", run.duplicateGroups());
        json.put("millis", run.millis());
        json.put("recordedAt", run.recordedAt().toString());
        List<Map<String, Object>> sums = migrations.sums(code, dataset, run.round()).stream()
                .map(this::sumJson)
                .toList();
        json.put("sums", sums);
        json.put("reasons", migrations.reasons(code, dataset, run.round()));
        return json;
    }

    private Map<String, Object> sumJson(ColumnSum s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("column", s.column());
        json.put("source", s.source());
        json.put("accepted", s.accepted());
        json.put("rejected", s.rejected());
        json.put("notNumeric", s.notNumeric());
        json.put("reconciled", s.reconciled());
        return json;
    }

    private Task openUploadTask(String code, String dataset) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(UPLOAD_TASK).list().stream()
                .filter(t -> dataset.equals(tasks.getVariable(t.getId(), "dataset")))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.CONFLICT, messages.get("migration.extract.noOpenUpload", dataset, code)));
    }

    /** 403 unless the caller is in one of {@code roles}, 404 unless the project exists and has the dataset in scope. */
    private void requireDataset(String code, String dataset, List<String> roles) {
        access.require(code, roles);
        if (!scope.datasets(code).contains(dataset)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, messages.get("migration.dataset.notInScope", dataset, code));
        }
    }
}
