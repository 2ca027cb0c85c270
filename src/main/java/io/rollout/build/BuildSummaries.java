package io.rollout.build;

import io.rollout.build.BuildRepository.Iteration;
import io.rollout.build.BuildRepository.ProjectRequirement;
import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.build.BuildRepository.StoredItem;
import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The read-only Markdown texts the build forms show: the plan of the current iteration (configure,
 * propose, demo), the reasons of the last rejection (plan iteration), the upgrade risk (approval,
 * acceptance) and the whole iteration for the acceptance. In the language of stored texts.
 */
@Component
class BuildSummaries {

    private static final Map<String, String> ITEM_KEYS = Map.of(
        BuildRules.FIELD_MAPPING, "build.summary.item.fieldMapping",
        BuildRules.PERMISSION, "build.summary.item.permission",
        BuildRules.APPROVAL_FLOW, "build.summary.item.approvalFlow",
        BuildRules.OTHER, "build.summary.item.other");

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final Messages messages;

    BuildSummaries(BuildRepository builds, BuildProgress progress, Messages messages) {
        this.builds = builds;
        this.progress = progress;
        this.messages = messages;
    }

    /** The plan of the module's current iteration: goal, dates, owner, scope. */
    String plan(String projectCode, String module) {
        int number = builds.lastIteration(projectCode, module);
        Iteration iteration = builds.iteration(projectCode, module, number).orElse(null);
        if (iteration == null) {
            return "";
        }
        Map<String, ProjectRequirement> requirements = builds.requirements(projectCode);
        List<String> lines = new ArrayList<>();
        lines.add(messages.forRecord("build.summary.iteration", md(module), number, md(iteration.goal())));
        lines.add(messages.forRecord("build.summary.planned", iteration.plannedStart(), iteration.plannedEnd(),
            md(progress.department(projectCode, module)),
            messages.forRecord(Boolean.TRUE.equals(iteration.customisationsPlanned())
                ? "build.summary.customisationsPlanned" : "build.summary.noCustomisationsPlanned")));
        lines.add(messages.forRecord("build.summary.scope", iteration.scope().size()));
        for (String id : iteration.scope()) {
            ProjectRequirement r = requirements.get(id);
            lines.add(messages.forRecord("build.summary.requirement", md(id), r == null ? "" : md(r.title()),
                r == null ? "-" : md(r.priority())));
        }
        return String.join("\n\n", lines);
    }

    /** Why the module's last iteration was not accepted; {@code null} when it was not rejected. */
    String rejection(String projectCode, String module) {
        return builds.latestAcceptance(projectCode, module).filter(a -> !a.accepted())
            .map(a -> messages.forRecord("build.summary.rejected", a.iteration(), md(a.decidedBy()), md(a.comment())))
            .orElse(null);
    }

    /** The upgrade risk of the module in one line. */
    String upgradeRisk(String projectCode, String module) {
        UpgradeRisk risk = progress.upgradeRisk(projectCode, module);
        return messages.forRecord("build.summary.upgradeRisk", risk.sharePercent(), risk.customised(),
            risk.requirements(), risk.customisationDays());
    }

    /** Everything the business owner accepts: plan, configuration items, customisations, demo, upgrade risk. */
    String acceptance(String projectCode, String module) {
        int number = builds.lastIteration(projectCode, module);
        List<String> lines = new ArrayList<>();
        lines.add(plan(projectCode, module));
        List<ConfigurationItem> items = builds.configurationItems(projectCode, module).stream()
            .filter(i -> i.iteration() == number).map(StoredItem::item).toList();
        lines.add(messages.forRecord("build.summary.configurationItems", items.size()));
        items.forEach(item -> lines.add(item(item)));
        List<StoredCustomisation> customisations = builds.customisations(projectCode, module);
        lines.add(customisations.isEmpty() ? messages.forRecord("build.summary.noCustomisations")
            : messages.forRecord("build.summary.customisations", customisations.size()));
        for (StoredCustomisation c : customisations) {
            lines.add(messages.forRecord("build.summary.customisation", c.kind(), md(c.description()),
                md(c.justification()), c.effortDays(), md(c.requirementId()),
                messages.forRecord("build.status." + c.status()), c.iteration()));
        }
        builds.iteration(projectCode, module, number).map(Iteration::demo).ifPresent(demo -> lines.add(
            messages.forRecord("build.summary.demo", md(demo.shown()), md(demo.attendees()), md(demo.feedback()))));
        lines.add(upgradeRisk(projectCode, module));
        return String.join("\n\n", lines);
    }

    /** One configuration item as a Markdown list line. */
    String item(ConfigurationItem item) {
        String text = switch (item.type()) {
            case BuildRules.FIELD_MAPPING -> messages.forRecord(ITEM_KEYS.get(item.type()), md(item.sourceField()),
                md(item.targetField()));
            case BuildRules.PERMISSION -> messages.forRecord(ITEM_KEYS.get(item.type()), md(item.role()),
                md(item.function()));
            case BuildRules.APPROVAL_FLOW -> messages.forRecord(ITEM_KEYS.get(item.type()), md(item.documentType()),
                md(item.steps()));
            default -> messages.forRecord(ITEM_KEYS.get(BuildRules.OTHER), md(item.description()));
        };
        return messages.forRecord("build.summary.configurationItem", text, md(item.requirementId()));
    }

    private static String md(String text) {
        return FormInput.md(text);
    }
}
