package io.rollout.training;

import io.rollout.shared.Messages;
import io.rollout.tasksheet.SheetColumn;
import io.rollout.tasksheet.SheetTask;
import io.rollout.tasksheet.TaskSheet;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Attendance and assessments of {@code UserTask_RecordAttendance} (form {@code recordAttendance}, variable
 * {@code attendance} of {@link AttendanceRecorder}) as Excel. An upload is read by {@link AttendanceImport#read}, the
 * REST import's checks, keeping rows that record nothing yet (no date, not attended, no score) as the form does;
 * unlike the import, which adds people to the roster, the task records attendance of the roster only, so every
 * employee must be on it.
 */
@Component
class AttendanceTaskSheet implements TaskSheet {

    static final List<SheetColumn> COLUMNS = SheetColumn.of(
            List.of("employeeId", "name", "role", "course", "sessionDate", "attended", "score"),
            AttendanceImport.COLUMNS,
            Map.of(
                    "sessionDate",
                    SheetColumn.Kind.DATE,
                    "attended",
                    SheetColumn.Kind.YES_NO,
                    "score",
                    SheetColumn.Kind.NUMBER));

    private final AttendanceImport importer;
    private final TrainingRepository repository;
    private final Messages messages;

    AttendanceTaskSheet(AttendanceImport importer, TrainingRepository repository, Messages messages) {
        this.importer = importer;
        this.repository = repository;
        this.messages = messages;
    }

    @Override
    public String form() {
        return "recordAttendance";
    }

    @Override
    public String variable() {
        return AttendanceRecorder.ROWS;
    }

    @Override
    public String fileName() {
        return "attendance";
    }

    @Override
    public List<SheetColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Upload read(SheetTask task, byte[] file) {
        AttendanceImport.Parsed parsed = importer.read(task.projectCode(), new ByteArrayInputStream(file), true);
        List<String> problems = new ArrayList<>(parsed.problems());
        Set<String> roster = repository.roster(task.projectCode()).stream()
                .map(Trainee::employeeId)
                .collect(Collectors.toSet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AttendanceImport.Line line : parsed.lines()) {
            if (!roster.contains(line.trainee().employeeId())) {
                problems.add(messages.get(
                        "training.row.notInRoster",
                        line.row().number(),
                        line.trainee().employeeId()));
                continue;
            }
            rows.add(row(line));
        }
        return problems.isEmpty() ? Upload.of(rows, 0) : Upload.refused(problems);
    }

    /** The row of the form's list: what the form's fields hold (a date as ISO text, a score as a number). */
    private static Map<String, Object> row(AttendanceImport.Line line) {
        TrainingRepository.Session session = line.session();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", line.trainee().employeeId());
        row.put("name", line.trainee().name());
        row.put("role", line.trainee().role());
        row.put("course", session == null ? line.row().text("course") : session.course());
        row.put(
                "sessionDate",
                session == null || session.sessionDate() == null
                        ? null
                        : session.sessionDate().toString());
        row.put("attended", session != null && session.attended());
        row.put("score", session == null ? null : session.score());
        return row;
    }
}
