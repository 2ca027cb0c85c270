package io.rollout.training;

import io.rollout.shared.Dates;
import io.rollout.shared.ForModels;
import io.rollout.shared.Messages;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the names of the training tasks say, read from the tables when a task is created: the day of the last session
 * whose attendance {@code UserTask_RecordAttendance} records
 * ({@code name="Record attendance and assessments of the sessions until ${trainingTasks.sessionsUntil(projectCode)}"})
 * and the roles below target that {@code UserTask_ScheduleMakeUpSessions} plans make-up sessions for
 * ({@code ${trainingTasks.rolesBelowTarget(projectCode)}}).
 */
@ForModels
@Component("trainingTasks")
public class TrainingTasks {

    private final CurriculumRepository curricula;
    private final TrainingCoverage coverage;
    private final Messages messages;

    TrainingTasks(CurriculumRepository curricula, TrainingCoverage coverage, Messages messages) {
        this.curricula = curricula;
        this.coverage = coverage;
        this.messages = messages;
    }

    /** The date of the project's last session (make-up sessions included), e.g. {@code 2026-05-20}. */
    public String sessionsUntil(String projectCode) {
        return curricula.sessions(projectCode).stream()
                .map(CurriculumRepository.Session::date)
                .max(java.time.LocalDate::compareTo)
                .map(Dates::date)
                .orElse("");
    }

    /** The roles whose share of trained people is below the project's target, as the check counts them. */
    public String rolesBelowTarget(String projectCode) {
        TrainingCompletionRule.Input input = coverage.input(projectCode);
        String roles = coverage.of(projectCode).roles().stream()
                .filter(r -> r.trained() * 100L < (long) input.target() * r.planned())
                .map(TrainingCompletionRule.RoleCoverage::role)
                .collect(Collectors.joining(", "));
        return roles.isEmpty() ? messages.forRecord("training.roles.none") : roles;
    }
}
