package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.LogEntryRules.Raise;
import io.rollout.identity.ProjectPeople;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Engine;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising a risk or an issue, the same way from {@code POST /api/projects/{code}/risks-and-issues} and from the
 * Tasklist process {@code raiseRiskOrIssue}: checks it with {@link LogEntryRules}, stores it, logs decision
 * {@code riskOrIssue} ({@code raised}) and correlates message {@value #MESSAGE} (variable {@code logEntryId}) to the
 * project's {@code implementationProject} instance ({@code SubProcess_RiskOrIssue}).
 */
@Service
class RisksAndIssues {

    static final String MESSAGE = "RiskOrIssueRaised";
    /** The variable that names the risk or issue in the processes (Long). */
    static final String ID = "logEntryId";

    private final LogEntryRepository repository;
    private final ProjectRepository projects;
    private final DecisionLog decisions;
    private final ProjectPeople owners;
    private final RuntimeService runtime;
    private final Engine engine;
    private final Messages messages;
    private final Clock clock;

    RisksAndIssues(
            LogEntryRepository repository,
            ProjectRepository projects,
            DecisionLog decisions,
            ProjectPeople owners,
            RuntimeService runtime,
            Engine engine,
            Messages messages,
            Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.decisions = decisions;
        this.owners = owners;
        this.runtime = runtime;
        this.engine = engine;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a user raises; text fields trimmed, blanks as {@code null}. */
    record NewEntry(
            String kind,
            String title,
            String description,
            Object probability,
            Object impact,
            String severity,
            String owner,
            String dueDate) {}

    /** Stores and correlates a risk or issue, or refuses it with every reason and stores nothing; returns its id. */
    @Transactional
    long raise(String projectCode, NewEntry entry, String user) {
        Project project =
                projects.find(projectCode).orElseThrow(() -> messages.reject("project.notFound", projectCode));
        if (!Project.ACTIVE.equals(project.status())) {
            throw messages.reject("governance.project.notActive", projectCode, project.status());
        }
        Raise raise = LogEntryRules.raise(
                entry.kind(),
                entry.title(),
                entry.description(),
                entry.probability(),
                entry.impact(),
                entry.severity(),
                entry.owner(),
                entry.dueDate(),
                LocalDate.now(clock),
                owners::check);
        if (!raise.valid()) {
            throw Problem.reject(messages, raise.problems());
        }
        long id = repository.create(projectCode, raise, user);
        List<String> findings = new ArrayList<>(List.of(raise.title()));
        if (raise.description() != null) {
            findings.add(raise.description());
        }
        decisions.record(new Decision(
                projectCode,
                "riskOrIssue",
                raise.kind() + " " + id,
                "raised",
                findings,
                raise.kind().equals(LogEntryRules.RISK)
                        ? "probability=" + raise.probability() + "; impact=" + raise.impact()
                        : "severity=" + raise.severity(),
                user,
                project.processInstanceId()));
        try {
            engine.asSystem(() -> runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(projectCode)
                    .setVariable(ID, id)
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw messages.reject("governance.project.notRunning", projectCode);
        }
        return id;
    }
}
