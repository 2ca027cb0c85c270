package io.rollout.change;

import io.rollout.change.ChangeRequestRepository.RequirementInfo;
import io.rollout.identity.RoleMembers;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the change-control tasks show of a change request (task-local, read-only parts of the forms
 * {@code analyseChangeImpact}, {@code approveChange} and {@code updateSpecification}): {@code changeDescription},
 * {@code changeReason} and who raised it when ({@code changeRaised}); the affected requirements and milestones as
 * table rows ({@code affectedRequirementRows}: id, title, department, priority; {@code affectedMilestoneRows}: name,
 * due date when raised, current owner) and as Markdown ({@code changeAffects}); once analysed, the impact
 * ({@code impactRows}, {@code changeImpact}). People by their display names, departments by their names, dates as
 * {@link Dates} writes them.
 */
@Component
class ChangeForms {

    private final ChangeRequestRepository repository;
    private final RoleMembers people;
    private final Names names;
    private final Messages messages;

    ChangeForms(ChangeRequestRepository repository, RoleMembers people, Names names, Messages messages) {
        this.repository = repository;
        this.people = people;
        this.names = names;
        this.messages = messages;
    }

    void show(DelegateTask task, ChangeRequest cr) {
        TaskForms.prefill(task, "changeDescription", FormInput.md(cr.description()));
        TaskForms.prefill(task, "changeReason", FormInput.md(cr.reason()));
        TaskForms.prefill(
                task,
                "changeRaised",
                messages.forRecord(
                        "change.summary.raised",
                        FormInput.md(people.displayName(cr.raisedBy())),
                        Dates.time(cr.raisedAt())));
        showAffected(task, cr);
        String requirementList =
                cr.requirements().stream().map(r -> "- " + FormInput.md(r)).collect(Collectors.joining("\n"));
        String milestoneList = cr.milestones().stream()
                .map(m -> "- "
                        + messages.forRecord(
                                "change.summary.milestone", FormInput.md(m.name()), Dates.date(m.dueDate())))
                .collect(Collectors.joining("\n"));
        TaskForms.prefill(task, "changeAffects", (requirementList + "\n" + milestoneList).strip());
        if (cr.effortDays() != null) {
            showImpact(task, cr);
        }
    }

    // the requirements and milestones the change request names, as the tables of the form
    private void showAffected(DelegateTask task, ChangeRequest cr) {
        List<RequirementInfo> requirements = repository.requirements(cr.projectCode(), cr.requirements());
        TaskForms.prefill(
                task,
                "affectedRequirementRows",
                JsonRows.of(requirements.stream()
                        .map(r -> row(
                                "requirement",
                                r.reqId(),
                                "title",
                                r.title(),
                                "department",
                                names.department(r.department()),
                                "priority",
                                r.priority()))
                        .toList()));
        TaskForms.prefill(
                task,
                "affectedMilestoneRows",
                JsonRows.of(cr.milestones().stream()
                        .map(m -> row(
                                "milestone",
                                m.name(),
                                "due",
                                Dates.date(m.dueDate()),
                                "owner",
                                people.displayName(repository.milestoneOwner(m.id()))))
                        .toList()));
    }

    // the consultant's impact analysis, once there is one
    private void showImpact(DelegateTask task, ChangeRequest cr) {
        String cost = cr.cost().setScale(2, RoundingMode.HALF_UP).toPlainString();
        TaskForms.prefill(
                task,
                "impactRows",
                JsonRows.of(List.of(row(
                        "effort",
                        cr.effortDays(),
                        "delay",
                        cr.scheduleDelayDays(),
                        "cost",
                        cost,
                        "risk",
                        cr.riskLevel(),
                        "analysedBy",
                        people.displayName(cr.analysedBy())))));
        TaskForms.prefill(task, "impactNotesShown", cr.impactNotes() == null ? "" : FormInput.md(cr.impactNotes()));
        TaskForms.prefill(
                task,
                "changeImpact",
                messages.forRecord(
                        "change.summary.impact",
                        cr.effortDays(),
                        cr.scheduleDelayDays(),
                        cost,
                        cr.riskLevel(),
                        cr.impactNotes() == null ? "" : FormInput.md(cr.impactNotes())));
    }

    /** The change request a task of {@code SubProcess_ChangeRequest} is about. */
    ChangeRequest find(DelegateTask task) {
        long id = ProcessVariables.id(task, ChangeRequests.ID);
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no change request " + id));
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
