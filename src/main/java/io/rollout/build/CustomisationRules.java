package io.rollout.build;

import io.rollout.identity.Roles;
import io.rollout.shared.Checked;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who approves a proposed customisation and what its approval and development must record
 * ({@code UserTask_ApproveCustomisations} and {@code UserTask_DevelopCustomisations} in {@code buildPhase}):
 * the PMO approves, the steering committee when the effort is over the threshold; every pending
 * customisation gets a decision (approved/rejected) with a reason; only approved customisations may be
 * developed, and a developed one says where the delivery is. Plain rule: no engine, no Spring.
 */
final class CustomisationRules {

    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String PROPOSED = "proposed";
    static final String DEVELOPED = "developed";
    static final List<String> DECISIONS = List.of(APPROVED, REJECTED);

    /** One approval decision on a customisation. */
    record Decision(long customisationId, boolean approved, String reason) {}

    /**
     * What the developer reports on an approved customisation: whether it is developed, where the delivery is and who
     * developed it ({@code null}: the developer who reports).
     */
    record Development(long customisationId, boolean developed, String deliveryNote, String developer) {}

    private CustomisationRules() {}

    /** The group that approves a customisation: the steering committee over the threshold, else the PMO. */
    static String board(int effortDays, int steeringThresholdDays) {
        return effortDays > steeringThresholdDays ? Roles.STEERING_COMMITTEE : Roles.PMO;
    }

    /**
     * Checks the decisions on the pending customisations of one approval board; every pending one
     * must be decided, once.
     *
     * @param pending descriptions of the pending customisations by id
     */
    static Checked<List<Decision>> decisions(List<FormRow> rows, Map<Long, String> pending) {
        List<Problem> problems = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        Set<Long> decided = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            Long id = id(row, problems);
            if (id != null && (!pending.containsKey(id) || !decided.add(id))) {
                problems.add(new Problem("build.approval.notPending", row.number(), id));
            }
            String decision = BuildRules.choice(row, "decision", "build.field.decision", DECISIONS, problems);
            String reason = BuildRules.required(row, "reason", "build.field.reason", problems);
            if (problems.size() == before) {
                decisions.add(new Decision(id, APPROVED.equals(decision), reason));
            }
        }
        pending.forEach((id, description) -> {
            if (!decided.contains(id)) {
                problems.add(new Problem("build.approval.undecided", id, description));
            }
        });
        return Checked.of(List.copyOf(decisions), problems);
    }

    /**
     * Checks the developer's report: approved customisations only, a delivery note for each developed one, and who
     * developed it, when named ({@code developedBy}), a member of the developers.
     */
    static Checked<List<Development>> development(List<FormRow> rows, Set<Long> approved, Predicate<String> developer) {
        List<Problem> problems = new ArrayList<>();
        List<Development> developments = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            Long id = id(row, problems);
            if (id != null && (!approved.contains(id) || !seen.add(id))) {
                problems.add(new Problem("build.development.notApproved", row.number(), id));
            }
            boolean developed = row.bool("developed");
            String note = row.text("deliveryNote");
            if (developed && note == null) {
                problems.add(new Problem("form.row.required", row.number(), new Label("build.field.deliveryNote")));
            }
            String by = developed ? row.text("developedBy") : null;
            if (by != null && !developer.test(by)) {
                problems.add(new Problem("build.development.notDeveloper", row.number(), by));
            }
            if (problems.size() == before) {
                developments.add(new Development(id, developed, note, by));
            }
        }
        return Checked.of(List.copyOf(developments), problems);
    }

    private static Long id(FormRow row, List<Problem> problems) {
        String text = BuildRules.required(row, "customisationId", "build.field.customisationId", problems);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("build.approval.notPending", row.number(), text));
            return null;
        }
    }
}
