package io.rollout.planning;

import io.rollout.planning.IntegrationRules.Integration;
import io.rollout.planning.IntegrationRules.LegacySystem;
import io.rollout.planning.IntegrationRules.MigrationNeed;
import io.rollout.planning.IntegrationRules.SystemInterface;
import io.rollout.planning.PlanRepository.RiskEntry;
import io.rollout.planning.PlanRules.Milestone;
import io.rollout.planning.PlanRules.Resource;
import io.rollout.planning.ScopeRepository.StoredScope;
import io.rollout.planning.SelectionRepository.RankingLine;
import io.rollout.planning.SelectionRepository.Selection;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The plan as the steering committee reads it in {@code UserTask_ReviewPlan} (Markdown for a form's text
 * component, in the record language): milestones, resource plan, risks with the decisions on high risks,
 * scope recommendation and confirmation, system selection with the vendor ranking, integration strategy.
 */
@Component
class PlanSummary {

    private final PlanRepository plans;
    private final ScopeRepository scopes;
    private final SelectionRepository selections;
    private final IntegrationRepository integrations;
    private final Messages messages;

    PlanSummary(PlanRepository plans, ScopeRepository scopes, SelectionRepository selections,
                IntegrationRepository integrations, Messages messages) {
        this.plans = plans;
        this.scopes = scopes;
        this.selections = selections;
        this.integrations = integrations;
        this.messages = messages;
    }

    /** A decision-log subject within the column's 200 characters. */
    static String subject(String prefix, String text) {
        String subject = prefix + " " + text;
        return subject.length() <= 200 ? subject : subject.substring(0, 197) + "...";
    }

    /** A problem (or note) as text in the record language, {@code Label} arguments resolved. */
    static String recordText(Messages messages, Problem problem) {
        Object[] args = Arrays.stream(problem.args())
            .map(a -> a instanceof Label l ? messages.forRecord(l.code()) : a).toArray();
        return messages.forRecord(problem.code(), args);
    }

    /** One risk as a Markdown list item, high risks marked and followed by the decision on them. */
    static String riskLine(Messages messages, RiskEntry e) {
        PlanRules.Risk r = e.risk();
        String line = messages.forRecord(r.high() ? "planning.summary.riskHigh" : "planning.summary.risk", r.score(),
            FormInput.md(r.title()), r.probability(), r.impact(), FormInput.md(r.owner()),
            r.mitigation() == null ? "-" : FormInput.md(r.mitigation()));
        if (!r.high()) {
            return line;
        }
        if (e.decision() == null) {
            return line + " " + messages.forRecord("planning.summary.riskUndecided");
        }
        return line + " " + messages.forRecord("planning.summary.riskDecision." + e.decision(),
            FormInput.md(e.mitigationActions()), FormInput.md(e.actionOwner()),
            e.decisionComment() == null ? "-" : FormInput.md(e.decisionComment()), FormInput.md(e.decidedBy()));
    }

    String of(String projectCode) {
        List<String> lines = new ArrayList<>();
        List<Milestone> milestones = plans.milestones(projectCode);
        lines.add(messages.forRecord("planning.summary.milestones", milestones.size()));
        for (Milestone m : milestones) {
            lines.add(messages.forRecord("planning.summary.milestone", m.dueDate().toString(), FormInput.md(m.name()),
                m.phase(), FormInput.md(m.owner())));
        }
        List<Resource> resources = plans.resources(projectCode);
        lines.add(messages.forRecord("planning.summary.resources", resources.size()));
        for (Resource r : resources) {
            lines.add(messages.forRecord("planning.summary.resource", FormInput.md(r.role()), FormInput.md(r.person()),
                r.allocation(), r.from().toString(), r.to().toString()));
        }
        List<RiskEntry> risks = plans.riskEntries(projectCode);
        lines.add(messages.forRecord("planning.summary.risks", risks.size(),
            risks.stream().filter(e -> e.risk().high()).count()));
        risks.forEach(e -> lines.add(riskLine(messages, e)));
        scopes.find(projectCode).ifPresent(scope -> scope(scope, lines));
        selections.find(projectCode).ifPresent(selection -> selection(projectCode, selection, lines));
        integration(integrations.find(projectCode), lines);
        return String.join("\n\n", lines);
    }

    private void scope(StoredScope scope, List<String> lines) {
        lines.add(messages.forRecord("planning.summary.scopeRecommended", scope.recommendation().approach(),
            dash(scope.recommendation().firstDepartment()), FormInput.md(scope.recommendation().reason())));
        if (scope.confirmed() != null) {
            ScopeRules.ScopeChoice c = scope.confirmed();
            lines.add(messages.forRecord("planning.summary.scope", c.approach(), dash(c.firstDepartment()),
                c.pilotModules().isEmpty() ? "-" : String.join(", ", c.pilotModules())));
            if (c.overridden()) {
                lines.add(messages.forRecord("planning.summary.scopeOverridden", FormInput.md(c.overrideReason())));
            }
        }
    }

    private void selection(String projectCode, Selection s, List<String> lines) {
        lines.add(messages.forRecord("planning.summary.selection", s.approach(), FormInput.md(s.reason())));
        if (!SystemSelectionRules.BUY.equals(s.approach())) {
            return;
        }
        for (RankingLine line : selections.ranking(projectCode)) {
            lines.add(rankingLine(messages, line));
        }
        Optional.ofNullable(s.chosenVendor()).ifPresent(vendor -> lines.add(messages.forRecord(
            Boolean.TRUE.equals(s.topRanked()) ? "planning.summary.vendorTop" : "planning.summary.vendorOther",
            FormInput.md(vendor), s.choiceReason() == null ? "-" : FormInput.md(s.choiceReason()))));
    }

    /** One vendor of the ranking as a Markdown list item. */
    static String rankingLine(Messages messages, RankingLine line) {
        return messages.forRecord("planning.summary.ranking", line.rank(), FormInput.md(line.vendor()),
            line.weightedScore(), line.explanation() == null ? "" : FormInput.md(line.explanation()));
    }

    private void integration(Integration integration, List<String> lines) {
        lines.add(messages.forRecord("planning.summary.integration", integration.legacySystems().size(),
            integration.interfaces().size(), integration.migrations().size()));
        for (LegacySystem s : integration.legacySystems()) {
            lines.add(messages.forRecord("planning.summary.legacySystem", FormInput.md(s.name()), s.ownerDepartment()));
        }
        for (SystemInterface i : integration.interfaces()) {
            lines.add(messages.forRecord("planning.summary.interface", FormInput.md(i.toSystem()), i.kind(),
                i.direction(), i.frequency()));
        }
        for (MigrationNeed m : integration.migrations()) {
            lines.add(messages.forRecord("planning.summary.migration", m.dataset(), FormInput.md(m.legacySystem())));
        }
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
