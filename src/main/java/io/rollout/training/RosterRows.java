package io.rollout.training;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import io.rollout.shared.SpreadsheetSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The training roster's rows — from the dynamic list {@code trainees} of the form {@code planTraining}
 * ({@link TrainingPlanCapture}) or from a file uploaded in that task ({@link RosterTaskSheet}) — checked the same way:
 * employee id, name and role required, lengths, no employee twice, a login is an existing user, a login for every
 * seed user who must be a key user, no login given twice. A file (CSV or .xlsx, see {@link SpreadsheetSource}) has the headers
 * {@code 工号, 姓名, 部门, 角色, 登录账号, 种子用户} or {@code employeeId, name, department, role, userId, seedUser};
 * seed user as 是/否, yes/no or true/false.
 */
@Component
class RosterRows {

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("employeeId", "employeeId"), Map.entry("工号", "employeeId"),
            Map.entry("name", "name"), Map.entry("姓名", "name"),
            Map.entry("department", "department"), Map.entry("部门", "department"),
            Map.entry("role", "role"), Map.entry("角色", "role"),
            Map.entry("userId", "userId"), Map.entry("登录账号", "userId"),
            Map.entry("seedUser", "seedUser"), Map.entry("种子用户", "seedUser"));

    private final TrainingRows validator;
    private final RoleMembers members;
    private final Messages messages;

    RosterRows(TrainingRows validator, RoleMembers members, Messages messages) {
        this.validator = validator;
        this.members = members;
        this.messages = messages;
    }

    /** The trainees of the rows, adding every problem; blank rows are skipped, an empty roster is a problem. */
    List<Trainee> roster(List<FormRow> rows, List<String> problems) {
        List<Trainee> roster = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> logins = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            Trainee trainee = validator.trainee(row, problems);
            if (trainee == null) {
                continue;
            }
            if (!seen.add(trainee.employeeId())) {
                problems.add(messages.get("training.trainee.duplicate", row.number(), trainee.employeeId()));
                continue;
            }
            String userId = row.text("userId");
            boolean seed = row.bool("seedUser");
            if (seed && userId == null) {
                problems.add(messages.get("training.seed.loginRequired", row.number(), trainee.employeeId()));
            } else if (userId != null && !members.exists(userId)) {
                problems.add(messages.get("training.trainee.unknownLogin", row.number(), userId));
            } else if (seed && !members.isIn(userId, Roles.KEY_USER)) {
                problems.add(messages.get("training.seed.notKeyUser", row.number(), userId));
            } else if (userId != null && !logins.add(userId)) {
                problems.add(messages.get("training.trainee.loginTwice", row.number(), userId));
            }
            roster.add(new Trainee(
                    trainee.employeeId(), trainee.name(), trainee.department(), trainee.role(), userId, seed));
        }
        if (roster.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("training.trainee.none"));
        }
        return roster;
    }

    /**
     * The roster of a file, with the checks of {@link #roster} and of its headers and yes/no cells; nothing is stored.
     *
     * @throws org.camunda.bpm.engine.BadUserRequestException when the file cannot be read as a table at all
     */
    List<Trainee> read(InputStream file, List<String> problems) {
        SpreadsheetSource.Sheet sheet = SpreadsheetSource.read(file, COLUMNS, messages);
        for (String required : List.of("employeeId", "name", "role")) {
            if (!sheet.keys().contains(required)) {
                problems.add(messages.get("training.roster.column", validator.label(required)));
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<FormRow> rows = new ArrayList<>();
        for (FormRow row : sheet.rows()) {
            // the form's checkbox is a boolean; a file says 是/否 or yes/no
            Map<String, Object> values = new LinkedHashMap<>(row.values());
            values.put("seedUser", Boolean.TRUE.equals(validator.yesNo(row, "seedUser", problems)));
            rows.add(new FormRow(row.number(), values));
        }
        List<Trainee> roster = roster(rows, problems);
        return problems.isEmpty() ? roster : List.of();
    }
}
