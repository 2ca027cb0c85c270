package io.rollout.training;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import io.rollout.shared.SpreadsheetSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a training attendance sheet from an Excel workbook (.xlsx, first sheet) or a CSV file (UTF-8 with or
 * without BOM, or GBK; comma, semicolon or tab; see {@link SpreadsheetSource}): adds or updates the trainees of the roster and stores one attendance record per row.
 * Headers as the customer writes them ({@code 工号,姓名,部门,角色,课程,场次日期,是否出勤,考核成绩}) or in
 * English ({@code employeeId,name,department,role,course,sessionDate,attended,score}); attendance
 * as 是/否, yes/no or true/false. When any row is bad, nothing is stored and every bad row is
 * reported with its spreadsheet row number and the reason. The Excel upload of {@code UserTask_RecordAttendance}
 * reads files with the same checks.
 */
@Service
public class AttendanceImport {

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("employeeId", "employeeId"), Map.entry("工号", "employeeId"),
            Map.entry("name", "name"), Map.entry("姓名", "name"),
            Map.entry("department", "department"), Map.entry("部门", "department"),
            Map.entry("role", "role"), Map.entry("角色", "role"),
            Map.entry("course", "course"), Map.entry("课程", "course"),
            Map.entry("sessionDate", "sessionDate"), Map.entry("场次日期", "sessionDate"),
            Map.entry("attended", "attended"), Map.entry("是否出勤", "attended"),
            Map.entry("score", "score"), Map.entry("考核成绩", "score"));

    private final TrainingRepository repository;
    private final CurriculumRepository curricula;
    private final TrainingRows validator;
    private final Messages messages;

    AttendanceImport(
            TrainingRepository repository, CurriculumRepository curricula, TrainingRows validator, Messages messages) {
        this.repository = repository;
        this.curricula = curricula;
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * Reads and stores an attendance sheet.
     *
     * @return the number of attendance records stored
     * @throws org.camunda.bpm.engine.BadUserRequestException listing every problem, when anything is wrong
     */
    @Transactional
    public int importCsv(String projectCode, InputStream csv, String user) {
        Parsed parsed = read(projectCode, csv, false);
        FormInput.refuseIfAny(parsed.problems());
        Map<String, Trainee> trainees = new LinkedHashMap<>();
        parsed.lines().forEach(line -> trainees.put(line.trainee().employeeId(), line.trainee()));
        repository.saveTrainees(projectCode, List.copyOf(trainees.values()));
        parsed.lines().forEach(line -> repository.recordAttendance(projectCode, line.session(), user));
        return parsed.lines().size();
    }

    /**
     * The rows of an attendance sheet with every problem (headers, trainee, session date, attendance, score, a course
     * of the project's curricula once there are any), storing nothing. Also reads the file uploaded in
     * {@code UserTask_RecordAttendance} ({@link AttendanceTaskSheet}).
     *
     * @param keepUnrecorded keep a row without session date, attendance and score as a trainee without a session
     *                       (the attendance form's row of someone who had no session yet) instead of refusing it
     * @throws org.camunda.bpm.engine.BadUserRequestException when the file cannot be read as a table at all
     */
    Parsed read(String projectCode, InputStream file, boolean keepUnrecorded) {
        SpreadsheetSource.Sheet parsed = SpreadsheetSource.read(file, COLUMNS, messages);
        List<String> problems = new ArrayList<>();
        for (String required : List.of("employeeId", "name", "role", "course", "sessionDate", "attended")) {
            if (!parsed.keys().contains(required)) {
                problems.add(messages.get("training.import.column", validator.label(required)));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        // once curricula are planned, every course must be one of them; before, the sheet may come first
        List<String> courses = curricula.curricula(projectCode).stream()
                .map(CurriculumRepository.Curriculum::name)
                .toList();
        List<Line> lines = new ArrayList<>();
        for (FormRow row : parsed.rows()) {
            if (row.isBlank()) {
                continue;
            }
            Trainee trainee = validator.trainee(row, problems);
            if (keepUnrecorded && unrecorded(row)) {
                if (trainee != null) {
                    lines.add(new Line(row, trainee, null));
                }
                continue;
            }
            TrainingRepository.Session session = validator.session(row, row.text("employeeId"), true, problems);
            if (session != null && !courses.isEmpty() && !courses.contains(session.course())) {
                problems.add(messages.get(
                        "training.row.unknownCourse", row.number(), session.course(), String.join(", ", courses)));
            } else if (trainee != null && session != null) {
                lines.add(new Line(row, trainee, session));
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("training.import.empty"));
        }
        return new Parsed(lines, problems);
    }

    private static boolean unrecorded(FormRow row) {
        if (row.text("sessionDate") != null || row.text("score") != null) {
            return false;
        }
        try {
            return !Boolean.TRUE.equals(row.yesNo("attended"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The rows read and the problems found: nothing may be stored when there are any. */
    record Parsed(List<Line> lines, List<String> problems) {}

    /**
     * One row of a sheet.
     *
     * @param session {@code null} for a row that records nothing (only when reading with {@code keepUnrecorded})
     */
    record Line(FormRow row, Trainee trainee, TrainingRepository.Session session) {}
}
