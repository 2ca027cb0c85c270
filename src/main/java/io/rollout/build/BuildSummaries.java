package io.rollout.build;

import io.rollout.build.BuildRepository.Iteration;
import io.rollout.build.BuildRepository.ProjectRequirement;
import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.build.BuildRepository.StoredItem;
import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.identity.RoleMembers;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * What the build forms show to read, in the language of stored texts: short Markdown texts — the plan of the
 * current iteration (configure, propose, demo, accept), the reasons of the last rejection (plan iteration), the
 * upgrade risk (approval, acceptance), the demo (acceptance) — and the rows of read-only tables (form-js
 * {@code table} components): the iteration's scope ({@value #SCOPE_ROWS}), its configuration items
 * ({@value #ITEM_ROWS}) and the module's customisations ({@value #CUSTOMISATION_ROWS}).
 */
@Component
class BuildSummaries {

    static final String SCOPE_ROWS = "scopeRows";
    static final String ITEM_ROWS = "configurationItemRows";
    static final String CUSTOMISATION_ROWS = "customisationRows";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final RoleMembers members;
    private final Names names;
    private final Messages messages;

    BuildSummaries(
            BuildRepository builds, BuildProgress progress, RoleMembers members, Names names, Messages messages) {
        this.builds = builds;
        this.progress = progress;
        this.members = members;
        this.names = names;
        this.messages = messages;
    }

    /** The plan of the module's current iteration: goal, dates, owning department, customisations or not. */
    String plan(String projectCode, String module) {
        int number = builds.lastIteration(projectCode, module);
        Iteration iteration = builds.iteration(projectCode, module, number).orElse(null);
        if (iteration == null) {
            return "";
        }
        return messages.forRecord("build.summary.iteration", md(names.module(module)), number, md(iteration.goal()))
                + "\n\n"
                + messages.forRecord(
                        "build.summary.planned",
                        Dates.date(iteration.plannedStart()),
                        Dates.date(iteration.plannedEnd()),
                        md(names.department(progress.department(projectCode, module))),
                        messages.forRecord(
                                Boolean.TRUE.equals(iteration.customisationsPlanned())
                                        ? "build.summary.customisationsPlanned"
                                        : "build.summary.noCustomisationsPlanned"),
                        iteration.scope().size());
    }

    /** The requirements of the module's current iteration: id, title, priority. */
    JsonValue scopeRows(String projectCode, String module) {
        List<String> scope = builds.iteration(projectCode, module, builds.lastIteration(projectCode, module))
                .map(Iteration::scope)
                .orElse(List.of());
        Map<String, ProjectRequirement> requirements = builds.requirements(projectCode);
        return JsonRows.of(scope.stream()
                .map(id -> {
                    ProjectRequirement r = requirements.get(id);
                    return BuildRows.of(
                            "requirement",
                            id,
                            "title",
                            r == null ? "" : r.title(),
                            "priority",
                            r == null ? "" : r.priority());
                })
                .toList());
    }

    /** Why the module's last iteration was not accepted; {@code null} when it was not rejected. */
    String rejection(String projectCode, String module) {
        return builds.latestAcceptance(projectCode, module)
                .filter(a -> !a.accepted())
                .map(a -> messages.forRecord(
                        "build.summary.rejected",
                        a.iteration(),
                        md(members.displayName(a.decidedBy())),
                        md(a.comment())))
                .orElse(null);
    }

    /** The upgrade risk of the module in one line. */
    String upgradeRisk(String projectCode, String module) {
        UpgradeRisk risk = progress.upgradeRisk(projectCode, module);
        return messages.forRecord(
                "build.summary.upgradeRisk",
                risk.sharePercent(),
                risk.customised(),
                risk.requirements(),
                risk.customisationDays());
    }

    /**
     * What the business owner accepts besides the tables: the plan, how many configuration items and
     * customisations there are, the demo and the upgrade risk.
     */
    String acceptance(String projectCode, String module) {
        int number = builds.lastIteration(projectCode, module);
        List<String> lines = new ArrayList<>();
        lines.add(plan(projectCode, module));
        long items = builds.configurationItems(projectCode, module).stream()
                .filter(i -> i.iteration() == number)
                .count();
        List<StoredCustomisation> customisations = builds.customisations(projectCode, module);
        lines.add(messages.forRecord("build.summary.built", items, customisations.size()));
        if (customisations.isEmpty()) {
            lines.add(messages.forRecord("build.summary.noCustomisations"));
        }
        builds.iteration(projectCode, module, number)
                .map(Iteration::demo)
                .ifPresent(demo -> lines.add(messages.forRecord(
                        "build.summary.demo", md(demo.shown()), md(demo.attendees()), md(demo.feedback()))));
        lines.add(upgradeRisk(projectCode, module));
        return String.join("\n\n", lines);
    }

    /** The configuration items of the module's current iteration: type, requirement, what, detail, note. */
    JsonValue itemRows(String projectCode, String module) {
        int number = builds.lastIteration(projectCode, module);
        return JsonRows.of(builds.configurationItems(projectCode, module).stream()
                .filter(i -> i.iteration() == number)
                .map(StoredItem::item)
                .map(this::itemRow)
                .toList());
    }

    /** Every customisation of the module with its decision: no., kind, description, effort, requirement, status. */
    JsonValue customisationRows(String projectCode, String module) {
        return JsonRows.of(builds.customisations(projectCode, module).stream()
                .map(c -> BuildRows.of(
                        "number",
                        c.id(),
                        "kind",
                        kind(c.kind()),
                        "description",
                        c.description(),
                        "justification",
                        c.justification(),
                        "effortDays",
                        c.effortDays(),
                        "requirement",
                        c.requirementId(),
                        "status",
                        messages.forRecord(
                                "build.summary.status",
                                messages.forRecord("build.status." + c.status()),
                                c.iteration()),
                        "note",
                        c.deliveryNote() != null
                                ? c.deliveryNote()
                                : c.decisionReason() == null ? "" : c.decisionReason()))
                .toList());
    }

    /** The kind of a customisation as a person reads it ("Report"). */
    String kind(String kind) {
        return messages.forRecord("build.kind." + kind);
    }

    private Map<String, Object> itemRow(ConfigurationItem item) {
        String what;
        String detail;
        switch (item.type()) {
            case BuildRules.FIELD_MAPPING -> {
                what = item.sourceField();
                detail = item.targetField();
            }
            case BuildRules.PERMISSION -> {
                what = item.role();
                detail = item.function();
            }
            case BuildRules.APPROVAL_FLOW -> {
                what = item.documentType();
                detail = item.steps();
            }
            default -> {
                what = item.description();
                detail = "";
            }
        }
        return BuildRows.of(
                "type",
                messages.forRecord("build.itemType." + item.type()),
                "requirement",
                item.requirementId(),
                "what",
                what == null ? "" : what,
                "detail",
                detail == null ? "" : detail,
                "note",
                BuildRules.OTHER.equals(item.type()) || item.description() == null ? "" : item.description());
    }

    private static String md(String text) {
        return FormInput.md(text);
    }
}
