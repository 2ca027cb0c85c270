package io.rollout.governance;

import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.ProjectPeople.Refusal;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the PMO may submit in {@code UserTask_FollowUpOverdueMilestones} ({@code overdueMilestoneFollowUp} in
 * {@code implementationProject}): the rows offered, each still about its milestone, each with an owner who may own a
 * milestone. A milestone completed meanwhile (in a status report) is left out. Plain class: no engine, no Spring.
 */
final class OverdueFollowUpRules {

    /**
     * The milestones that change owner (to the new owner) and those ticked reached, or the problems that refuse the
     * submission, each once.
     */
    record FollowUp(Map<OpenMilestone, String> newOwners, List<OpenMilestone> reached, List<Problem> problems) {}

    private OverdueFollowUpRules() {}

    /**
     * @param rows       the submitted rows
     * @param ids        the milestone of each offered row, in order
     * @param open       the project's open milestones now
     * @param ownerCheck why a user may not own a milestone, {@code null} when they may
     */
    static FollowUp check(
            List<FormRow> rows, List<String> ids, List<OpenMilestone> open, Function<String, Refusal> ownerCheck) {
        if (rows.size() != ids.size()) {
            return new FollowUp(Map.of(), List.of(), List.of(Problem.of("governance.overdue.changed")));
        }
        List<Problem> problems = new ArrayList<>();
        List<OpenMilestone> reached = new ArrayList<>();
        Map<OpenMilestone, String> newOwners = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            FormRow row = rows.get(i);
            String id = ids.get(i);
            Optional<OpenMilestone> found =
                    open.stream().filter(m -> String.valueOf(m.id()).equals(id)).findFirst();
            if (found.isEmpty()) {
                // completed meanwhile, in a status report: nothing left to follow up
                continue;
            }
            OpenMilestone m = found.get();
            if (!m.name().equals(row.text("milestone"))) {
                problems.add(Problem.of("governance.overdue.changed"));
                continue;
            }
            owner(row, m, ownerCheck, problems).ifPresent(owner -> newOwners.put(m, owner));
            if (row.bool("reached")) {
                reached.add(m);
            }
        }
        return new FollowUp(newOwners, reached, problems.stream().distinct().toList());
    }

    /** The row's owner when it is another one who may own the milestone; adds the problem when they may not. */
    private static Optional<String> owner(
            FormRow row, OpenMilestone m, Function<String, Refusal> ownerCheck, List<Problem> problems) {
        String owner = row.text("owner");
        Refusal refusal = owner == null ? null : ownerCheck.apply(owner);
        if (owner == null) {
            problems.add(Problem.of("governance.overdue.ownerRequired", row.number(), m.name()));
        } else if (refusal == Refusal.UNKNOWN) {
            problems.add(Problem.of("governance.overdue.ownerUnknown", row.number(), m.name(), owner));
        } else if (refusal == Refusal.NOT_ON_PROJECTS) {
            problems.add(Problem.of("governance.overdue.ownerNotOnProjects", row.number(), m.name(), owner));
        } else if (!owner.equals(m.owner())) {
            return Optional.of(owner);
        }
        return Optional.empty();
    }
}
