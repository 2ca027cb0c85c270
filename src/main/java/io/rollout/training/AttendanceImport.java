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
 * reported with its spreadsheet row number and the reason.
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

    AttendanceImport(TrainingRepository repository, CurriculumRepository curricula, TrainingRows validator,
                     Messages messages) {
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
        SpreadsheetSource.Sheet parsed = SpreadsheetSource.read(csv, COLUMNS, messages);
        for (String required : List.of("employeeId", "name", "role", "course", "sessionDate", "attended")) {
            if (!parsed.keys().contains(required)) {
                FormInput.refuseIfAny(List.of(messages.get("training.import.column", validator.label(required))));
            }
        }
        List<String> problems = new ArrayList<>();
        // once curricula are planned, every course must be one of them; before, the sheet may come first
        List<String> courses = curricula.curricula(projectCode).stream().map(CurriculumRepository.Curriculum::name)
            .toList();
        Map<String, Trainee> trainees = new LinkedHashMap<>();
        List<TrainingRepository.Session> sessions = new ArrayList<>();
        for (FormRow row : parsed.rows()) {
            if (row.isBlank()) {
                continue;
            }
            Trainee trainee = validator.trainee(row, problems);
            TrainingRepository.Session session = validator.session(row, row.text("employeeId"), true, problems);
            if (session != null && !courses.isEmpty() && !courses.contains(session.course())) {
                problems.add(messages.get("training.row.unknownCourse", row.number(), session.course(),
                    String.join(", ", courses)));
            } else if (trainee != null && session != null) {
                trainees.put(trainee.employeeId(), trainee);
                sessions.add(session);
            }
        }
        if (sessions.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("training.import.empty"));
        }
        FormInput.refuseIfAny(problems);
        repository.saveTrainees(projectCode, List.copyOf(trainees.values()));
        sessions.forEach(s -> repository.recordAttendance(projectCode, s, user));
        return sessions.size();
    }
}
