package io.rollout.requirements;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FirstErrors;
import io.rollout.shared.Messages;
import io.rollout.shared.UploadLimit;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A project's requirements over HTTP (basic auth or the web apps session, see {@code identity.WebSecurity}):
 * {@code GET /api/projects/{code}/requirements} lists them for any Rollout role (403 for an account in none);
 * {@code POST .../requirements/import} imports a CSV
 * or Excel (.xlsx) file (multipart part {@code file}, or the raw body as {@code text/csv}, the xlsx media type or
 * {@code application/octet-stream}; the content decides how it is read) for consultants, the PMO and
 * administrators: 200 {@code {imported, skipped}}, 400 {@code {errors: [...]}} (the first 100 errors and how many
 * more; nothing stored; also once the specification is baselined), 403, 404, 413 over {@link UploadLimit}.
 */
@RestController
@RequestMapping("/api/projects/{code}/requirements")
class RequirementController {

    static final Set<String> IMPORTERS = Set.of(Roles.CONSULTANT, Roles.PMO, Roles.ADMIN);

    private final RequirementRepository requirements;
    private final RequirementImport importer;
    private final ProjectRepository projects;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final UploadLimit limit;

    RequirementController(
            RequirementRepository requirements,
            RequirementImport importer,
            ProjectRepository projects,
            CurrentUser currentUser,
            Messages messages,
            UploadLimit limit) {
        this.limit = limit;
        this.requirements = requirements;
        this.importer = importer;
        this.projects = projects;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<?> list(@PathVariable String code) {
        // the project's roles and auditors read; an account in no Rollout group reads nothing
        currentUser.requireAnyOf(Roles.ALL);
        if (!projects.exists(code)) {
            return error(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
        return ResponseEntity.ok(requirements.findByProject(code));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String code, @RequestParam("file") MultipartFile file) {
        return importCsv(code, () -> limit.read(file));
    }

    @PostMapping(
            path = "/import",
            consumes = {
                "text/csv",
                "text/tab-separated-values",
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-excel"
            })
    ResponseEntity<?> importBody(@PathVariable String code, InputStream body) {
        return importCsv(code, () -> limit.read(body));
    }

    // the file is read (at most the upload limit) only for someone who may import into an existing project
    private ResponseEntity<?> importCsv(String code, Supplier<byte[]> file) {
        String user = currentUser.id();
        if (!currentUser.inAnyOf(IMPORTERS)) {
            return error(HttpStatus.FORBIDDEN, messages.get("requirements.import.forbidden", user));
        }
        if (!projects.exists(code)) {
            return error(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
        RequirementImport.Result result = importer.importCsv(code, new ByteArrayInputStream(file.get()), user);
        if (!result.ok()) {
            return ResponseEntity.badRequest().body(Map.of("errors", FirstErrors.of(result.errors(), messages)));
        }
        return ResponseEntity.ok(Map.of("imported", result.imported(), "skipped", result.skipped()));
    }

    private static ResponseEntity<?> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("errors", List.of(message)));
    }
}
