package io.rollout.build;

import io.rollout.build.BuildRepository.ProjectRequirement;
import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The choices the build forms offer instead of typed codes and login ids, as select options
 * ({@code {label, value}}, Json for a form's {@code valuesKey}): the project's requirements by id and title, the
 * departments by name, the people who attend a demo (key users and business owners of the module's department) and
 * the developers. The listeners that offer them also check the submitted values against them.
 */
@Component
class BuildOptions {

    static final List<String> ATTENDEE_ROLES = List.of(Roles.KEY_USER, Roles.BUSINESS_OWNER);

    private final BuildRepository builds;
    private final RoleMembers members;
    private final Names names;
    private final Messages messages;
    private final List<String> departments;

    BuildOptions(
            BuildRepository builds,
            RoleMembers members,
            Names names,
            Messages messages,
            @Value("${rollout.departments}") List<String> departments) {
        this.builds = builds;
        this.members = members;
        this.names = names;
        this.messages = messages;
        this.departments = departments;
    }

    /** The departments a module may belong to, by name. */
    JsonValue departments() {
        return JsonRows.of(
                departments.stream().map(d -> option(names.department(d), d)).toList());
    }

    /**
     * The project's requirements, "REQ-PUR-001 Online purchase requisition approval (Procurement, priority Must)" —
     * recorded in English from a message, so a Chinese reader gets "（采购部，优先级：必须）"; those for which {@code first}
     * holds come first, each group in id order.
     */
    JsonValue requirements(String projectCode, Predicate<ProjectRequirement> first) {
        return JsonRows.of(builds.requirements(projectCode).values().stream()
                .sorted(Comparator.comparing((ProjectRequirement r) -> !first.test(r)))
                .map(r -> option(
                        messages.forRecord(
                                "build.option.requirement",
                                r.id(),
                                r.title(),
                                names.department(r.department()),
                                messages.forRecord("requirements.label.priority." + r.priority())),
                        r.id()))
                .toList());
    }

    /** The requirements of the module's current iteration first, then the project's others. */
    JsonValue iterationRequirements(String projectCode, String module) {
        Set<String> scope = builds.iteration(projectCode, module, builds.lastIteration(projectCode, module))
                .map(i -> Set.copyOf(i.scope()))
                .orElse(Set.of());
        return requirements(projectCode, r -> scope.contains(r.id()));
    }

    /** Key users and business owners of the department: who attends a demo and says what they think. */
    List<Map<String, Object>> attendees(String department) {
        return members.choices(ATTENDEE_ROLES, department);
    }

    /** Every member of the developer group. */
    List<Map<String, Object>> developers() {
        return members.choices(List.of(Roles.DEVELOPER), null);
    }

    /** The ids among a list of options. */
    static Set<String> values(Collection<Map<String, Object>> options) {
        return options.stream().map(o -> String.valueOf(o.get("value"))).collect(Collectors.toSet());
    }

    /** The labels of the chosen ids, in the order of the options (the form's order). */
    static List<String> labels(Collection<Map<String, Object>> options, Collection<String> chosen) {
        List<String> labels = new ArrayList<>();
        for (Map<String, Object> o : options) {
            if (chosen.contains(String.valueOf(o.get("value")))) {
                labels.add(String.valueOf(o.get("label")));
            }
        }
        return labels;
    }

    static Map<String, Object> option(String label, String value) {
        return BuildRows.of("label", label, "value", value);
    }
}
