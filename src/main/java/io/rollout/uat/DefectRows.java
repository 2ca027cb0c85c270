package io.rollout.uat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import java.util.List;

/** The defect id of a form row of the triage and fix forms, or a problem naming the row. */
final class DefectRows {

    static Long id(FormRow row, List<String> problems, Messages messages) {
        try {
            Integer id = row.integer("defectId");
            if (id == null) {
                problems.add(messages.get("form.row.required", row.number(), messages.get("uat.field.defectId")));
            }
            return id == null ? null : id.longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(messages.get("form.row.number", row.number(), messages.get("uat.field.defectId"),
                row.text("defectId")));
            return null;
        }
    }

    private DefectRows() {
    }
}
