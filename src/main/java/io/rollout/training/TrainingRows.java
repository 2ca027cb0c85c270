package io.rollout.training;

import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Validates the cells of roster and attendance rows, from the training forms or a CSV file, adding
 * one message per problem (row number, field, reason) to a list so all are reported at once.
 */
@Component
class TrainingRows {

    static final int MAX_ID = 32;
    static final int MAX_NAME = 100;
    static final int MAX_DEPARTMENT = 60;
    static final int MAX_ROLE = 60;
    static final int MAX_COURSE = 200;

    private final Messages messages;

    TrainingRows(Messages messages) {
        this.messages = messages;
    }

    /** The trainee of a row, or {@code null} after adding its problems. */
    Trainee trainee(FormRow row, List<String> problems) {
        int before = problems.size();
        String employeeId = text(row, "employeeId", MAX_ID, true, problems);
        String name = text(row, "name", MAX_NAME, true, problems);
        String department = text(row, "department", MAX_DEPARTMENT, false, problems);
        String role = text(row, "role", MAX_ROLE, true, problems);
        return problems.size() == before ? new Trainee(employeeId, name, department, role) : null;
    }

    /**
     * The session of a row, or {@code null} after adding its problems. A score is only allowed when
     * the trainee attended.
     *
     * @param attendedRequired true for files (the column must say yes or no); a form checkbox is false when unticked
     */
    TrainingRepository.Session session(
            FormRow row, String employeeId, boolean attendedRequired, List<String> problems) {
        int before = problems.size();
        String course = text(row, "course", MAX_COURSE, true, problems);
        LocalDate date = null;
        String dateText = row.text("sessionDate");
        if (dateText == null) {
            problems.add(messages.get("form.row.required", row.number(), label("sessionDate")));
        } else {
            try {
                date = row.date("sessionDate");
            } catch (DateTimeParseException e) {
                problems.add(messages.get("form.row.date", row.number(), label("sessionDate"), dateText));
            }
        }
        Boolean attended = attended(row, attendedRequired, problems);
        Integer score = score(row, problems);
        if (score != null && Boolean.FALSE.equals(attended)) {
            problems.add(messages.get("training.row.scoreWithoutAttendance", row.number(), employeeId));
        }
        return problems.size() == before
                ? new TrainingRepository.Session(employeeId, course, date, attended, score)
                : null;
    }

    private Boolean attended(FormRow row, boolean required, List<String> problems) {
        Boolean attended = yesNo(row, "attended", problems);
        if (attended == null && row.text("attended") == null) {
            if (required) {
                problems.add(messages.get("form.row.required", row.number(), label("attended")));
                return null;
            }
            return false;
        }
        return attended;
    }

    /** A yes/no cell ({@link FormRow#yesNo}); {@code null} when blank or after adding its problem. */
    Boolean yesNo(FormRow row, String key, List<String> problems) {
        try {
            return row.yesNo(key);
        } catch (IllegalArgumentException e) {
            problems.add(messages.get("form.row.choice", row.number(), label(key), "是/否/yes/no", row.text(key)));
            return null;
        }
    }

    private Integer score(FormRow row, List<String> problems) {
        String text = row.text("score");
        if (text == null) {
            return null;
        }
        try {
            int score = row.integer("score");
            if (score < 0 || score > 100) {
                problems.add(messages.get("training.row.scoreRange", row.number(), text));
                return null;
            }
            return score;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(messages.get("form.row.number", row.number(), label("score"), text));
            return null;
        }
    }

    private String text(FormRow row, String key, int max, boolean required, List<String> problems) {
        String value = row.text(key);
        if (value == null) {
            if (required) {
                problems.add(messages.get("form.row.required", row.number(), label(key)));
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(messages.get("training.row.tooLong", row.number(), label(key), max));
            return null;
        }
        return value;
    }

    String label(String key) {
        return messages.get("training.field." + key);
    }
}
