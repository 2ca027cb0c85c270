package io.rollout.golive;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may be named in a cutover plan, offered to the PMO by display name ({@code UserTask_PlanCutover}'s pickers)
 * and checked again when the plan is submitted, whatever the form offered.
 *
 * <ul>
 * <li>A runbook step is owned by someone who carries out cutover work: IT operations, a data steward, a developer,
 *     a consultant or the PMO, or a key user or business owner of one of the project's departments. The steering
 *     committee, trainers, process owners and auditors decide, teach or check; they do not run steps.</li>
 * <li>A wave's on-call team decides, when a critical incident hits the wave, whether to go on or roll it back: IT
 *     operations (at least one, who can roll the wave back) and the key users and business owners of the wave's own
 *     departments, who know whether their work can go on.</li>
 * </ul>
 */
@Component
class CutoverPeople implements CutoverPlanRules.People {

    static final List<String> STEP_OWNER_ROLES =
            List.of(Roles.IT_OPERATIONS, Roles.DATA_STEWARD, Roles.DEVELOPER, Roles.CONSULTANT, Roles.PMO);
    static final List<String> DEPARTMENT_ROLES = List.of(Roles.KEY_USER, Roles.BUSINESS_OWNER);

    private final RoleMembers members;
    private final Names names;
    private final Messages messages;

    CutoverPeople(RoleMembers members, Names names, Messages messages) {
        this.members = members;
        this.names = names;
        this.messages = messages;
    }

    /** Select options of the possible step owners, each label saying why the person qualifies. */
    List<Map<String, Object>> stepOwnerOptions(List<String> projectDepartments) {
        return options(STEP_OWNER_ROLES, projectDepartments);
    }

    /** Select options of the people who may be on call for a wave of the project, each with why they qualify. */
    List<Map<String, Object>> onCallOptions(List<String> projectDepartments) {
        return options(List.of(Roles.IT_OPERATIONS), projectDepartments);
    }

    /** Why the user cannot own a runbook step of the project; empty when they can. */
    @Override
    public Optional<Problem> stepOwnerProblem(int row, String userId, List<String> projectDepartments) {
        if (!members.exists(userId)) {
            return Optional.of(new Problem("golive.plan.unknownUser", row, userId));
        }
        if (STEP_OWNER_ROLES.stream().anyMatch(g -> members.isIn(userId, g))
                || inDepartmentRole(userId, projectDepartments)) {
            return Optional.empty();
        }
        return Optional.of(
                new Problem("golive.people.notStepOwner", row, label(userId), departmentNames(projectDepartments)));
    }

    /** Why the team cannot be on call for a wave of these departments, one problem per person. */
    @Override
    public List<Problem> onCallProblems(int row, List<String> team, List<String> waveDepartments) {
        List<Problem> problems = new ArrayList<>();
        if (team.isEmpty()) {
            problems.add(new Problem("golive.plan.onCallRequired", row));
            return problems;
        }
        boolean operations = false;
        for (String userId : team) {
            if (!members.exists(userId)) {
                problems.add(new Problem("golive.plan.unknownUser", row, userId));
            } else if (members.isIn(userId, Roles.IT_OPERATIONS)) {
                operations = true;
            } else if (!inDepartmentRole(userId, waveDepartments)) {
                problems.add(
                        new Problem("golive.people.notOnCall", row, label(userId), departmentNames(waveDepartments)));
            }
        }
        if (!operations) {
            problems.add(new Problem("golive.people.onCallNeedsOperations", row));
        }
        return problems;
    }

    /** Display names of users, comma-separated, in the given order. */
    String displayNames(List<String> userIds) {
        return userIds.stream().map(members::displayName).collect(Collectors.joining(", "));
    }

    /** Display name of one user ("Hao Xu"); the id for an unknown one. */
    String displayName(String userId) {
        return members.displayName(userId);
    }

    /** Display names of departments, comma-separated ("Procurement, Warehouse"). */
    @Override
    public String departmentNames(List<String> departments) {
        return departments.stream().map(names::department).collect(Collectors.joining(", "));
    }

    private boolean inDepartmentRole(String userId, List<String> departments) {
        return DEPARTMENT_ROLES.stream().anyMatch(g -> members.isIn(userId, g))
                && departments.stream().anyMatch(d -> members.isIn(userId, Roles.departmentGroup(d)));
    }

    private String label(String userId) {
        String name = members.displayName(userId);
        return name.equals(userId) ? userId : name + " (" + userId + ")";
    }

    // one option per person, labelled "Hao Xu (xuhao) · IT operations" or "Li Sun (sunli) · key user, Warehouse"
    private List<Map<String, Object>> options(List<String> roles, List<String> departments) {
        Map<String, String> labels = new TreeMap<>();
        Map<String, List<String>> why = new LinkedHashMap<>();
        for (String role : roles) {
            members.choices(List.of(role), null).forEach(o -> add(o, roleName(role), labels, why));
        }
        for (String department : departments) {
            for (String role : DEPARTMENT_ROLES) {
                members.choices(List.of(role), department)
                        .forEach(o -> add(
                                o,
                                messages.forRecord(
                                        "golive.people.inDepartment", roleName(role), names.department(department)),
                                labels,
                                why));
            }
        }
        List<Map<String, Object>> options = new ArrayList<>();
        labels.forEach((value, label) ->
                options.add(Map.of("value", value, "label", label + " · " + String.join("; ", why.get(value)))));
        options.sort(
                (a, b) -> a.get("label").toString().compareTo(b.get("label").toString()));
        return options;
    }

    private static void add(
            Map<String, Object> option, String reason, Map<String, String> labels, Map<String, List<String>> why) {
        String value = option.get("value").toString();
        labels.put(value, option.get("label").toString());
        why.computeIfAbsent(value, v -> new ArrayList<>()).add(reason);
    }

    private String roleName(String role) {
        return messages.forRecord("golive.people.role." + role);
    }
}
