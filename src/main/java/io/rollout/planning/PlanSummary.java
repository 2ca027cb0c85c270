package io.rollout.planning;

import io.rollout.identity.ProjectPeople;
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
import io.rollout.planning.VendorRanking.Evaluation;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The plan as people read it in the planning forms, in the record language: rows for the forms' read-only
 * tables — milestones, resource plan, risk register with the decisions on high risks, vendor ranking,
 * integration ({@code UserTask_ReviewPlan}; the ranking also in {@code UserTask_ChooseVendor}) — and short
 * Markdown texts for what is one line (scope, system selection, one risk). People appear by display name,
 * departments and phases by their names, dates as {@link Dates} writes them.
 */
@Component
class PlanSummary {

    private final PlanRepository plans;
    private final ScopeRepository scopes;
    private final SelectionRepository selections;
    private final IntegrationRepository integrations;
    private final ProjectPeople people;
    private final Names names;
    private final Messages messages;

    PlanSummary(
            PlanRepository plans,
            ScopeRepository scopes,
            SelectionRepository selections,
            IntegrationRepository integrations,
            ProjectPeople people,
            Names names,
            Messages messages) {
        this.plans = plans;
        this.scopes = scopes;
        this.selections = selections;
        this.integrations = integrations;
        this.people = people;
        this.names = names;
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
                .map(a -> a instanceof Label l ? messages.forRecord(l.code()) : a)
                .toArray();
        return messages.forRecord(problem.code(), args);
    }

    /** One risk as Markdown for the form of its decision: score, probability, impact, owner, planned mitigation. */
    String riskDetails(RiskEntry e) {
        PlanRules.Risk r = e.risk();
        return messages.forRecord(
                "planning.riskDetails",
                r.score(),
                FormInput.md(r.title()),
                r.probability(),
                r.impact(),
                FormInput.md(people.name(r.owner())),
                r.mitigation() == null ? "-" : FormInput.md(r.mitigation()));
    }

    /** The milestones by due date: due, milestone, phase, owner. */
    JsonValue milestones(String projectCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Milestone m : plans.milestones(projectCode)) {
            rows.add(row(
                    "due",
                    Dates.date(m.dueDate()),
                    "milestone",
                    m.name(),
                    "phase",
                    phase(m.phase()),
                    "owner",
                    people.name(m.owner())));
        }
        return JsonRows.of(rows);
    }

    /** The resource plan in the order entered: role, person, allocation, from, to. */
    JsonValue resources(String projectCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Resource r : plans.resources(projectCode)) {
            rows.add(row(
                    "role",
                    r.role(),
                    "person",
                    people.name(r.person()),
                    "allocation",
                    r.allocation() + " %",
                    "from",
                    Dates.date(r.from()),
                    "to",
                    Dates.date(r.to())));
        }
        return JsonRows.of(rows);
    }

    /** The risk register, highest score first: score (high ones marked), risk, owner, mitigation, decision. */
    JsonValue risks(String projectCode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RiskEntry e : plans.riskEntries(projectCode)) {
            PlanRules.Risk r = e.risk();
            rows.add(row(
                    "score",
                    messages.forRecord(
                            r.high() ? "planning.table.scoreHigh" : "planning.table.score",
                            r.score(),
                            r.probability(),
                            r.impact()),
                    "risk",
                    r.title(),
                    "owner",
                    people.name(r.owner()),
                    "mitigation",
                    dash(r.mitigation()),
                    "decision",
                    decision(e)));
        }
        return JsonRows.of(rows);
    }

    /**
     * The vendor ranking, best first: rank, vendor, weighted score, the score on each criterion and why a vendor
     * stands where it stands among equal weighted scores. Empty unless the system is bought and evaluated.
     */
    JsonValue ranking(String projectCode) {
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        selections
                .evaluation(projectCode)
                .map(Evaluation::vendors)
                .orElse(List.of())
                .forEach(v -> scores.put(v.name(), v.scores()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RankingLine line : selections.ranking(projectCode)) {
            Map<String, Object> row =
                    row("rank", String.valueOf(line.rank()), "vendor", line.vendor(), "score", line.weightedScore());
            Map<String, Integer> byCriterion = scores.getOrDefault(line.vendor(), Map.of());
            for (String criterion : VendorRanking.CRITERIA) {
                Integer score = byCriterion.get(criterion);
                row.put(criterion, score == null ? "-" : score.toString());
            }
            row.put("note", line.explanation() == null ? "" : line.explanation());
            rows.add(row);
        }
        return JsonRows.of(rows);
    }

    /** The weights of the vendor evaluation as one line, e.g. "technical strength 40 %, cost 20 %, …". */
    String weights(String projectCode) {
        return selections
                .evaluation(projectCode)
                .map(e -> String.join(
                        ", ",
                        e.criteria().stream()
                                .map(c -> messages.forRecord(
                                        "planning.weight",
                                        messages.forRecord(VendorRanking.label(c.name())),
                                        c.weight()))
                                .toList()))
                .orElse("-");
    }

    /** The integration strategy: legacy systems, interfaces and datasets to migrate, one row each. */
    JsonValue integration(String projectCode) {
        Integration integration = integrations.find(projectCode);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LegacySystem s : integration.legacySystems()) {
            rows.add(row(
                    "what",
                    messages.forRecord("planning.table.legacySystem"),
                    "name",
                    s.name(),
                    "details",
                    messages.forRecord("planning.table.legacySystemDetails", names.department(s.ownerDepartment()))));
        }
        for (SystemInterface i : integration.interfaces()) {
            rows.add(row(
                    "what",
                    messages.forRecord("planning.table.interface"),
                    "name",
                    i.toSystem(),
                    "details",
                    messages.forRecord("planning.table.interfaceDetails", i.kind(), i.direction(), i.frequency())));
        }
        for (MigrationNeed m : integration.migrations()) {
            rows.add(row(
                    "what",
                    messages.forRecord("planning.table.migration"),
                    "name",
                    m.dataset(),
                    "details",
                    messages.forRecord("planning.table.migrationDetails", m.legacySystem())));
        }
        return JsonRows.of(rows);
    }

    /** What is decided in one line each (Markdown): scope recommended and confirmed, system selection, vendor. */
    String decisions(String projectCode) {
        List<String> lines = new ArrayList<>();
        scopes.find(projectCode).ifPresent(scope -> scope(scope, lines));
        selections.find(projectCode).ifPresent(selection -> selection(selection, lines));
        return String.join("\n\n", lines);
    }

    /** The approach of a scope in words, e.g. "full rollout". */
    String approach(String code) {
        return code == null ? "-" : messages.forRecord("planning.approach." + code);
    }

    /** A department's name, "-" for none. */
    String department(String code) {
        return code == null ? "-" : names.department(code);
    }

    private void scope(StoredScope scope, List<String> lines) {
        lines.add(messages.forRecord(
                "planning.summary.scopeRecommended",
                approach(scope.recommendation().approach()),
                department(scope.recommendation().firstDepartment()),
                FormInput.md(scope.recommendation().reason())));
        if (scope.confirmed() != null) {
            ScopeRules.ScopeChoice c = scope.confirmed();
            lines.add(messages.forRecord(
                    "planning.summary.scope",
                    approach(c.approach()),
                    department(c.firstDepartment()),
                    c.pilotModules().isEmpty()
                            ? "-"
                            : String.join(
                                    ", ",
                                    c.pilotModules().stream().map(names::module).toList())));
            if (c.overridden()) {
                lines.add(messages.forRecord("planning.summary.scopeOverridden", FormInput.md(c.overrideReason())));
            }
        }
    }

    private void selection(Selection s, List<String> lines) {
        lines.add(messages.forRecord(
                "planning.summary.selection",
                messages.forRecord("planning.selection." + s.approach()),
                FormInput.md(s.reason())));
        Optional.ofNullable(s.chosenVendor())
                .ifPresent(vendor -> lines.add(messages.forRecord(
                        Boolean.TRUE.equals(s.topRanked())
                                ? "planning.summary.vendorTop"
                                : "planning.summary.vendorOther",
                        FormInput.md(vendor),
                        s.choiceReason() == null ? "-" : FormInput.md(s.choiceReason()))));
    }

    private String decision(RiskEntry e) {
        if (!e.risk().high() && e.decision() == null) {
            return "";
        }
        if (e.decision() == null) {
            return messages.forRecord("planning.table.decisionOpen");
        }
        return messages.forRecord(
                "planning.table.decision." + e.decision(),
                dash(e.mitigationActions()),
                people.name(e.actionOwner()),
                dash(e.decisionComment()),
                people.name(e.decidedBy()),
                Dates.date(e.decidedAt()));
    }

    private String phase(String code) {
        return messages.forRecord("planning.phase." + code);
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
