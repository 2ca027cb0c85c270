package io.rollout.operations;

import io.rollout.change.ChangeRequests;
import io.rollout.project.ProjectRepository;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports and triages feedback, for the REST API ({@link FeedbackController}) and for Tasklist
 * ({@link FeedbackTasks}: {@code ServiceTask_SubmitFeedback} and {@code UserTask_TriageFeedback} of
 * {@code giveFeedback}) alike: checks with {@link FeedbackRules}, stores in {@link FeedbackRepository}, and raises
 * the change request a promotion asks for. A refusal names every problem and stores nothing.
 */
@Service
class FeedbackService {

    private final FeedbackRepository repository;
    private final ChangeRequests changeRequests;
    private final ProjectRepository projects;
    private final ProjectScope scope;
    private final Messages messages;

    FeedbackService(
            FeedbackRepository repository,
            ChangeRequests changeRequests,
            ProjectRepository projects,
            ProjectScope scope,
            Messages messages) {
        this.repository = repository;
        this.changeRequests = changeRequests;
        this.projects = projects;
        this.scope = scope;
        this.messages = messages;
    }

    /** Stores feedback after checking it; returns its id. */
    long report(String code, FeedbackRules.NewFeedback feedback, String reporter) {
        // a start form can name any project: refused like any other input, not as a missing page
        if (code == null || !projects.exists(code)) {
            throw messages.reject("project.notFound", String.valueOf(code));
        }
        List<Problem> problems = FeedbackRules.checkReport(feedback, scope.modules(code));
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        return repository.add(
                code, FormInput.text(feedback.module()), feedback.kind(), FormInput.text(feedback.text()), reporter);
    }

    /** The project's backlog. */
    List<FeedbackRepository.Item> items(String code) {
        return repository.items(code);
    }

    /**
     * Decides on a backlog item after checking the decision: 404 for an unknown item, 409 for one already decided.
     * Returns the new status, and the change request a promotion raised.
     */
    @Transactional
    Map<String, Object> triage(String code, long id, FeedbackRules.Triage triage, String decidedBy) {
        FeedbackRepository.Item item = repository
                .item(code, id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, messages.get("operations.feedback.notFound", id, code)));
        if (!FeedbackRules.undecided(item.status())) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, messages.get("operations.feedback.decided", id, item.status()));
        }
        List<Problem> problems = FeedbackRules.checkTriage(triage);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String reason = FormInput.text(triage.reason());
        Long changeRequest = null;
        if (FeedbackRules.promotes(triage)) {
            // change control asks what the change touches: the requirements or milestones it affects
            changeRequest = changeRequests.raise(
                    code,
                    item.text(),
                    reason,
                    triage.affectedRequirements() == null ? List.of() : triage.affectedRequirements(),
                    triage.affectedMilestones() == null ? List.of() : triage.affectedMilestones(),
                    decidedBy);
        }
        String status = FeedbackRules.status(triage.decision());
        repository.decide(id, status, triage.priority(), reason, decidedBy, changeRequest);
        return changeRequest == null
                ? Map.of("status", status)
                : Map.of("status", status, "changeRequestId", changeRequest);
    }
}
