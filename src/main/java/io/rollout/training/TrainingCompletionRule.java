package io.rollout.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule of the training completion check ({@code ServiceTask_TrainingCompletionCheck} via
 * {@link TrainingCompletionCheck}): for every role in the roster, the share of that role's planned
 * trainees who attended a session and whose best assessment score reaches the pass mark must reach
 * the project's training target. Nobody gets a production account without training, so an empty
 * roster fails. Plain Java: no Spring, no engine.
 */
final class TrainingCompletionRule {

    /**
     * What the check decides on.
     *
     * @param target     share of each role's trainees who must be trained and pass, in percent
     * @param passMark   lowest passing assessment score
     * @param roster     the planned trainees
     * @param attendance every attendance record of the project
     */
    record Input(int target, int passMark, List<Trainee> roster, List<Attendance> attendance) {
    }

    /** One session a trainee was planned for: attended or not, with the assessment score if any. */
    record Attendance(String employeeId, boolean attended, Integer score) {
    }

    /** Why a planned trainee does not count as trained. */
    enum Gap {
        NO_RECORD("training.check.missing.noRecord"),
        ABSENT("training.check.missing.absent"),
        NOT_ASSESSED("training.check.missing.notAssessed"),
        BELOW_PASS_MARK("training.check.missing.belowPassMark");

        final String code;

        Gap(String code) {
            this.code = code;
        }
    }

    /** One reason, as a message code of {@code messages/training} and its arguments. */
    record Finding(String code, Object... args) {
    }

    /** Coverage of one role. */
    record RoleCoverage(String role, int trained, int planned) {
    }

    /** The decision with the coverage of every role. */
    record Outcome(boolean passed, List<Finding> findings, List<RoleCoverage> roles) {
    }

    Outcome decide(Input input) {
        if (input.roster().isEmpty()) {
            return new Outcome(false, List.of(new Finding("training.check.emptyRoster")), List.of());
        }
        Map<String, List<Trainee>> byRole = new LinkedHashMap<>();
        input.roster().forEach(t -> byRole.computeIfAbsent(t.role(), r -> new ArrayList<>()).add(t));
        List<Finding> findings = new ArrayList<>();
        List<RoleCoverage> roles = new ArrayList<>();
        byRole.forEach((role, trainees) -> {
            List<Finding> missing = new ArrayList<>();
            int trained = 0;
            for (Trainee trainee : trainees) {
                List<Attendance> records = input.attendance().stream()
                    .filter(a -> a.employeeId().equals(trainee.employeeId())).toList();
                Integer best = records.stream().filter(Attendance::attended).map(Attendance::score)
                    .filter(Objects::nonNull).max(Integer::compare).orElse(null);
                Gap gap = gap(records, best, input.passMark());
                if (gap == null) {
                    trained++;
                } else {
                    missing.add(gap == Gap.BELOW_PASS_MARK
                        ? new Finding(gap.code, role, trainee.name(), trainee.employeeId(), best, input.passMark())
                        : new Finding(gap.code, role, trainee.name(), trainee.employeeId()));
                }
            }
            roles.add(new RoleCoverage(role, trained, trainees.size()));
            if (trained * 100L < (long) input.target() * trainees.size()) {
                findings.add(new Finding("training.check.role", role, trained, trainees.size(),
                    trained * 100.0 / trainees.size(), input.target()));
                findings.addAll(missing);
            }
        });
        return new Outcome(findings.isEmpty(), List.copyOf(findings), List.copyOf(roles));
    }

    private static Gap gap(List<Attendance> records, Integer best, int passMark) {
        if (records.isEmpty()) {
            return Gap.NO_RECORD;
        }
        if (records.stream().noneMatch(Attendance::attended)) {
            return Gap.ABSENT;
        }
        if (best == null) {
            return Gap.NOT_ASSESSED;
        }
        return best >= passMark ? null : Gap.BELOW_PASS_MARK;
    }
}
