package io.rollout.operations;

import io.rollout.change.ChangeRequests;
import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * User feedback and the improvement backlog: {@code POST /api/projects/{code}/feedback} {@code {"kind", "module",
 * "text"}} (any working role; kind bug, improvement or training), {@code GET /api/projects/{code}/backlog} (any
 * role), and {@code POST /api/projects/{code}/feedback/{id}/triage} {@code {"decision", "priority", "reason"}} (pmo):
 * accept into the backlog with a priority, reject with the reason, or promote to a change request, which then runs
 * through change control. 400 names every problem and stores nothing; 409 for an item already decided.
 */
@RestController
class FeedbackController {

    static final List<String> KINDS = List.of("bug", "improvement", "training");
    static final List<String> DECISIONS = List.of("accept", "reject", "promote");
    static final List<String> PRIORITIES = List.of("high", "medium", "low");

    /** Feedback as reported. */
    record NewFeedback(String kind, String module, String text) {
    }

    /** A triage decision. */
    record Triage(String decision, String priority, String reason, List<String> affectedRequirements,
                  List<String> affectedMilestones) {
    }

    /** One backlog item. */
    record Item(long id, String module, String kind, String text, String reporter, Instant reportedAt, String status,
                String priority, String decisionReason, String decidedBy, Long changeRequestId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeRequests changeRequests;
    private final ProjectRepository projects;
    private final ProjectScope scope;
    private final CurrentUser user;
    private final Messages messages;

    FeedbackController(JdbcClient jdbc, Clock clock, ChangeRequests changeRequests, ProjectRepository projects,
                       ProjectScope scope, CurrentUser user, Messages messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changeRequests = changeRequests;
        this.projects = projects;
        this.scope = scope;
        this.user = user;
        this.messages = messages;
    }

    @PostMapping("/api/projects/{code}/feedback")
    ResponseEntity<Map<String, Long>> report(@PathVariable String code, @RequestBody NewFeedback body) {
        requireProject(code, Roles.WORKING);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", report(code, body, user.id())));
    }

    /** Stores feedback after checking it; used by the REST call and by the Tasklist intake ({@link FeedbackTasks}). */
    long report(String code, NewFeedback body, String reporter) {
        if (code == null || !projects.exists(code)) {
            throw messages.reject("project.notFound", String.valueOf(code));
        }
        List<String> problems = new ArrayList<>();
        if (body.kind() == null || !KINDS.contains(body.kind())) {
            problems.add(messages.get("form.field.choice", "kind", String.join(", ", KINDS), String.valueOf(body.kind())));
        }
        String module = FormInput.text(body.module());
        if (module != null && !scope.modules(code).contains(module)) {
            problems.add(messages.get("form.field.choice", "module", String.join(", ", scope.modules(code)), module));
        }
        String text = FormInput.text(body.text());
        if (text == null || text.length() > 2000) {
            problems.add(messages.get("operations.feedback.text", 2000));
        }
        FormInput.refuseIfAny(problems);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (project_code, module, kind, text, reporter, reported_at, status)
                values (?, ?, ?, ?, ?, ?, 'new')""")
            .params(code, module, body.kind(), text, reporter, Timestamp.from(Instant.now(clock)))
            .update(key, "id");
        return key.getKey().longValue();
    }

    @GetMapping("/api/projects/{code}/backlog")
    List<Item> backlog(@PathVariable String code) {
        requireProject(code, Roles.ALL);
        return items(code);
    }

    List<Item> items(String code) {
        return jdbc.sql("""
                select id, module, kind, text, reporter, reported_at, status, priority, decision_reason, decided_by,
                       change_request_id
                from feedback where project_code = ?
                order by case priority when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end, id""")
            .param(code)
            .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                (Long) rs.getObject(11, Long.class)))
            .list();
    }

    @Transactional
    @PostMapping("/api/projects/{code}/feedback/{id}/triage")
    Map<String, Object> triage(@PathVariable String code, @PathVariable long id, @RequestBody Triage body) {
        requireProject(code, List.of(Roles.PMO));
        return triage(code, id, body, user.id());
    }

    /** Decides on a backlog item after checking the decision; used by REST and by {@code UserTask_TriageFeedback}. */
    Map<String, Object> triage(String code, long id, Triage body, String decidedBy) {
        Item item = items(code).stream().filter(i -> i.id() == id).findFirst().orElseThrow(() ->
            new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("operations.feedback.notFound", id, code)));
        if (!"new".equals(item.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                messages.get("operations.feedback.decided", id, item.status()));
        }
        List<String> problems = new ArrayList<>();
        if (body.decision() == null || !DECISIONS.contains(body.decision())) {
            problems.add(messages.get("form.field.choice", "decision", String.join(", ", DECISIONS),
                String.valueOf(body.decision())));
        }
        String reason = FormInput.text(body.reason());
        if (!"accept".equals(body.decision()) && reason == null) {
            problems.add(messages.get("operations.feedback.reason"));
        }
        if (!"reject".equals(body.decision()) && (body.priority() == null || !PRIORITIES.contains(body.priority()))) {
            problems.add(messages.get("form.field.choice", "priority", String.join(", ", PRIORITIES),
                String.valueOf(body.priority())));
        }
        FormInput.refuseIfAny(problems);
        Long changeRequest = null;
        if ("promote".equals(body.decision())) {
            // change control asks what the change touches: the requirements or milestones it affects
            changeRequest = changeRequests.raise(code, item.text(), reason,
                body.affectedRequirements() == null ? List.of() : body.affectedRequirements(),
                body.affectedMilestones() == null ? List.of() : body.affectedMilestones(), decidedBy);
        }
        String status = switch (body.decision()) {
            case "accept" -> "accepted";
            case "reject" -> "rejected";
            default -> "promoted";
        };
        jdbc.sql("""
                update feedback set status = ?, priority = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
                                    change_request_id = ?
                where id = ?""")
            .params(status, body.priority(), reason, decidedBy, Timestamp.from(Instant.now(clock)), changeRequest, id)
            .update();
        return changeRequest == null ? Map.of("status", status) : Map.of("status", status, "changeRequestId", changeRequest);
    }

    private void requireProject(String code, List<String> roles) {
        user.requireAnyOf(roles);
        if (!projects.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
    }
}
