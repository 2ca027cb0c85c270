package io.rollout.governance;

import io.rollout.governance.RisksAndIssues.NewEntry;
import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.shared.FormInput;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk and issue log over HTTP: {@code POST /api/projects/{code}/risks-and-issues} raises one (every working
 * role and administrators; 201 {@code {id}}, 400 with every reason, 403, 404); {@code GET} lists them (any role).
 */
@RestController
@RequestMapping("/api/projects/{code}/risks-and-issues")
class LogEntryController {

    static final List<String> RAISERS =
            Stream.concat(Roles.WORKING.stream(), Stream.of(Roles.ADMIN)).toList();

    private final RisksAndIssues risksAndIssues;
    private final LogEntryRepository repository;
    private final ProjectAccess access;
    private final CurrentUser user;

    LogEntryController(
            RisksAndIssues risksAndIssues, LogEntryRepository repository, ProjectAccess access, CurrentUser user) {
        this.risksAndIssues = risksAndIssues;
        this.repository = repository;
        this.access = access;
        this.user = user;
    }

    /** The body of a new risk or issue. */
    record Body(
            String kind,
            String title,
            String description,
            Object probability,
            Object impact,
            String severity,
            String owner,
            String dueDate) {}

    @PostMapping
    ResponseEntity<Map<String, Long>> raise(@PathVariable String code, @RequestBody Body body) {
        access.require(code, RAISERS);
        long id = risksAndIssues.raise(
                code,
                new NewEntry(
                        FormInput.text(body.kind()),
                        FormInput.text(body.title()),
                        FormInput.text(body.description()),
                        body.probability(),
                        body.impact(),
                        FormInput.text(body.severity()),
                        FormInput.text(body.owner()),
                        FormInput.text(body.dueDate())),
                user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping
    List<LogEntry> list(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return repository.forProject(code);
    }
}
