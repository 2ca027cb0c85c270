package io.rollout.governance;

import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Engine;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering committee's decision to cancel a project: stored in {@code project_cancellation} and correlated as
 * message {@value #MESSAGE} (variable {@code cancellationId}) to the project's instance, whose interrupting event
 * sub-process {@code SubProcess_CancelProject} ends every phase.
 */
@Service
class ProjectCancellations {

    static final String MESSAGE = "ProjectCancellationDecided";

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final RuntimeService runtime;
    private final Engine engine;
    private final Messages messages;
    private final Clock clock;

    ProjectCancellations(
            JdbcClient jdbc,
            ProjectRepository projects,
            RuntimeService runtime,
            Engine engine,
            Messages messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.runtime = runtime;
        this.engine = engine;
        this.messages = messages;
        this.clock = clock;
    }

    /** A stored cancellation decision. */
    record Cancellation(long id, String projectCode, String reason, String decidedBy) {}

    /** Records and correlates the decision; refuses a missing reason or a project that is not active. */
    @Transactional
    long cancel(String projectCode, String reason, String user) {
        Project project =
                projects.find(projectCode).orElseThrow(() -> messages.reject("project.notFound", projectCode));
        String why = FormInput.text(reason);
        if (why == null) {
            throw messages.reject("governance.cancellation.reasonRequired");
        }
        if (why.length() > LogEntryRules.MAX_TEXT) {
            throw messages.reject(
                    "governance.text.tooLong", messages.get("governance.field.reason"), LogEntryRules.MAX_TEXT);
        }
        if (!Project.ACTIVE.equals(project.status())) {
            throw messages.reject("governance.project.notActive", projectCode, project.status());
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into project_cancellation (project_code, reason, decided_by, decided_at) values (?, ?, ?, ?)")
                .params(projectCode, why, user, Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        long id = key.getKey().longValue();
        try {
            engine.asSystem(() -> runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(projectCode)
                    .setVariable("cancellationId", id)
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw messages.reject("governance.project.notRunning", projectCode);
        }
        return id;
    }

    Cancellation find(long id) {
        return jdbc.sql("select id, project_code, reason, decided_by from project_cancellation where id = ?")
                .param(id)
                .query((rs, n) -> new Cancellation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }
}
