package io.rollout.training;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_RecordAttendance} (form {@code recordAttendance}). On create it prefills the
 * dynamic list {@code attendance} with one row per trainee of the roster who is not yet trained and passed (all of
 * them the first time): the course of their curriculum and the date of its last planned session (make-up sessions
 * included), so the trainer only ticks who attended and enters the scores. Beside it come the sessions as the
 * read-only table {@code sessionsTable} and the curricula as the options of the course select
 * ({@code courseOptions}). On complete it validates every row (a trainee of the roster and a course that is a
 * curriculum of the project, by {@link TrainingRules}; a session date, a score 0–100 only when attended, by
 * {@link TrainingRows}) and then stores one attendance record per filled row.
 * A row left without date, attendance and score records nothing for that trainee.
 */
@Component("attendanceRecorder")
class AttendanceRecorder extends FormTaskListener {

    static final String ROWS = "attendance";

    private final TrainingRepository repository;
    private final CurriculumRepository curricula;
    private final TrainingRows validator;
    private final Messages messages;
    private final TrainingForms forms;
    private final TrainingCoverage coverage;

    AttendanceRecorder(
            TrainingRepository repository,
            CurriculumRepository curricula,
            TrainingRows validator,
            Messages messages,
            TrainingForms forms,
            TrainingCoverage coverage) {
        this.repository = repository;
        this.curricula = curricula;
        this.validator = validator;
        this.messages = messages;
        this.forms = forms;
        this.coverage = coverage;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<CurriculumRepository.Curriculum> stored = curricula.curricula(projectCode);
        Map<String, LocalDate> lastSession = new HashMap<>();
        Map<String, String> names = stored.stream()
                .collect(Collectors.toMap(CurriculumRepository.Curriculum::id, CurriculumRepository.Curriculum::name));
        curricula
                .sessions(projectCode)
                .forEach(s -> lastSession.merge(names.get(s.curriculumId()), s.date(), (a, b) -> a.isAfter(b) ? a : b));
        task.setVariableLocal(
                ROWS,
                JsonRows.of(coverage.of(projectCode).trainees().stream()
                        .filter(t -> !t.trained())
                        .map(t -> prefill(t.trainee(), t.curriculum(), lastSession.get(t.curriculum())))
                        .toList()));
        task.setVariableLocal("sessionsTable", JsonRows.of(forms.sessionsTable(projectCode)));
        task.setVariableLocal("courseOptions", JsonRows.of(forms.curriculumOptions(stored)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Set<String> courses = curricula.curricula(projectCode).stream()
                .map(CurriculumRepository.Curriculum::name)
                .collect(Collectors.toSet());
        Set<String> roster =
                repository.roster(projectCode).stream().map(Trainee::employeeId).collect(Collectors.toSet());
        // the cells of a session are checked by TrainingRows, shared with the CSV import, which words its own problems
        List<String> problems = new ArrayList<>();
        List<TrainingRepository.Session> sessions = new ArrayList<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            if (TrainingRules.nothingRecorded(row)) {
                continue;
            }
            Problem trainee = TrainingRules.attendee(row, roster);
            if (trainee != null) {
                problems.add(trainee.text(messages));
                continue;
            }
            TrainingRepository.Session session = validator.session(row, row.text("employeeId"), false, problems);
            Problem course = session == null ? null : TrainingRules.course(row, session.course(), courses);
            if (course != null) {
                problems.add(course.text(messages));
            } else if (session != null) {
                sessions.add(session);
            }
        }
        FormInput.refuseIfAny(problems);
        String user = TaskForms.currentUser(task);
        sessions.forEach(s -> repository.recordAttendance(projectCode, s, user));
    }

    private static Map<String, Object> prefill(Trainee t, String course, LocalDate sessionDate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", t.employeeId());
        row.put("name", t.name());
        row.put("role", t.role());
        row.put("course", course);
        row.put("sessionDate", sessionDate == null ? null : sessionDate.toString());
        row.put("attended", false);
        row.put("score", null);
        return row;
    }
}
