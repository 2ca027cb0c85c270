package io.rollout.training;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule of the training completion check ({@code ServiceTask_TrainingCompletionCheck} via
 * {@link TrainingCompletionCheck}): every planned trainee follows the curriculum of their role (one for their
 * department wins over one for the role in every department) and counts as trained when they attended at
 * least one session of that curriculum and their best assessment in it reaches the curriculum's pass mark.
 * For every role, the share of its planned trainees who are trained must reach the project's target. Who
 * gave the session (a trainer or a seed user) does not matter. Nobody gets a production account without
 * training, so an empty roster fails. Plain Java: no Spring, no engine.
 */
final class TrainingCompletionRule implements GateRule<TrainingCompletionRule.Input, TrainingCompletionRule.Outcome> {

    /**
     * What the check decides on.
     *
     * @param target     share of each role's trainees who must be trained and pass, in percent
     * @param roster     the planned trainees
     * @param curricula  the project's role-based curricula
     * @param attendance every attendance record of the project
     */
    record Input(int target, List<Trainee> roster, List<Curriculum> curricula, List<Attendance> attendance) {}

    /** A curriculum: its name (the course of attendance records), the role and optional department, pass mark. */
    record Curriculum(String name, String role, String department, int passMark) {}

    /** One session a trainee was recorded for: the course, attended or not, with the assessment score if any. */
    record Attendance(String employeeId, String course, boolean attended, Integer score) {}

    /** Why a planned trainee does not count as trained. */
    enum Gap {
        NO_CURRICULUM("training.check.missing.noCurriculum"),
        NO_RECORD("training.check.missing.noRecord"),
        ABSENT("training.check.missing.absent"),
        NOT_ASSESSED("training.check.missing.notAssessed"),
        BELOW_PASS_MARK("training.check.missing.belowPassMark");

        final String code;

        Gap(String code) {
            this.code = code;
        }
    }

    /** Coverage of one role. */
    record RoleCoverage(String role, int trained, int planned) {}

    /** A planned trainee: their curriculum, best score in it, and the gap when not trained. */
    record TraineeStatus(Trainee trainee, String curriculum, Integer bestScore, Integer passMark, Gap gap) {

        boolean trained() {
            return gap == null;
        }
    }

    /** The decision with the coverage of every role and the status of every trainee. */
    record Outcome(boolean passed, List<Finding> findings, List<RoleCoverage> roles, List<TraineeStatus> trainees)
            implements GateOutcome {}

    @Override
    public Outcome decide(Input input) {
        if (input.roster().isEmpty()) {
            return new Outcome(false, List.of(new Finding("training.check.emptyRoster")), List.of(), List.of());
        }
        Map<String, List<TraineeStatus>> byRole = new LinkedHashMap<>();
        List<TraineeStatus> statuses = new ArrayList<>();
        for (Trainee trainee : input.roster()) {
            TraineeStatus status = status(trainee, input);
            statuses.add(status);
            byRole.computeIfAbsent(trainee.role(), r -> new ArrayList<>()).add(status);
        }
        List<Finding> findings = new ArrayList<>();
        List<RoleCoverage> roles = new ArrayList<>();
        byRole.forEach((role, trainees) -> {
            int trained = (int) trainees.stream().filter(TraineeStatus::trained).count();
            roles.add(new RoleCoverage(role, trained, trainees.size()));
            if (trained * 100L < (long) input.target() * trainees.size()) {
                findings.add(new Finding(
                        "training.check.role",
                        role,
                        trained,
                        trainees.size(),
                        trained * 100.0 / trainees.size(),
                        input.target()));
                trainees.stream().filter(t -> !t.trained()).forEach(t -> findings.add(finding(role, t)));
            }
        });
        return new Outcome(findings.isEmpty(), List.copyOf(findings), List.copyOf(roles), List.copyOf(statuses));
    }

    static Finding finding(String role, TraineeStatus t) {
        Trainee trainee = t.trainee();
        return switch (t.gap()) {
            case BELOW_PASS_MARK ->
                new Finding(
                        t.gap().code,
                        role,
                        trainee.name(),
                        trainee.employeeId(),
                        t.bestScore(),
                        t.passMark(),
                        t.curriculum());
            case NO_CURRICULUM ->
                new Finding(
                        t.gap().code,
                        role,
                        trainee.name(),
                        trainee.employeeId(),
                        Objects.toString(trainee.department(), "-"));
            default -> new Finding(t.gap().code, role, trainee.name(), trainee.employeeId(), t.curriculum());
        };
    }

    /** The curriculum of a trainee: the one of their role and department, else the one of their role for all. */
    static Optional<Curriculum> curriculumOf(Trainee trainee, List<Curriculum> curricula) {
        Optional<Curriculum> own = curricula.stream()
                .filter(c -> c.role().equals(trainee.role())
                        && c.department() != null
                        && c.department().equals(trainee.department()))
                .findFirst();
        return own.isPresent()
                ? own
                : curricula.stream()
                        .filter(c -> c.role().equals(trainee.role()) && c.department() == null)
                        .findFirst();
    }

    private static TraineeStatus status(Trainee trainee, Input input) {
        Optional<Curriculum> curriculum = curriculumOf(trainee, input.curricula());
        if (curriculum.isEmpty()) {
            return new TraineeStatus(trainee, null, null, null, Gap.NO_CURRICULUM);
        }
        Curriculum c = curriculum.get();
        List<Attendance> records = input.attendance().stream()
                .filter(a ->
                        a.employeeId().equals(trainee.employeeId()) && c.name().equals(a.course()))
                .toList();
        Integer best = records.stream()
                .filter(Attendance::attended)
                .map(Attendance::score)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        Gap gap;
        if (records.isEmpty()) {
            gap = Gap.NO_RECORD;
        } else if (records.stream().noneMatch(Attendance::attended)) {
            gap = Gap.ABSENT;
        } else if (best == null) {
            gap = Gap.NOT_ASSESSED;
        } else {
            gap = best >= c.passMark() ? null : Gap.BELOW_PASS_MARK;
        }
        return new TraineeStatus(trainee, c.name(), best, c.passMark(), gap);
    }
}
