package io.rollout.training;

import io.rollout.tasksheet.SheetColumn;
import io.rollout.tasksheet.SheetTask;
import io.rollout.tasksheet.TaskSheet;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The training roster of {@code UserTask_PlanTraining} (form {@code planTraining}, variable {@code trainees} of
 * {@link TrainingPlanCapture}) as Excel: an upload is checked by {@link RosterRows} like the form's rows. Whether every
 * role has a curriculum is checked on Complete, with the curricula of the form.
 */
@Component
class RosterTaskSheet implements TaskSheet {

    static final List<SheetColumn> COLUMNS = SheetColumn.of(
            List.of("employeeId", "name", "department", "role", "userId", "seedUser"),
            RosterRows.COLUMNS,
            Map.of("seedUser", SheetColumn.Kind.YES_NO));

    private final RosterRows roster;

    RosterTaskSheet(RosterRows roster) {
        this.roster = roster;
    }

    @Override
    public String form() {
        return "planTraining";
    }

    @Override
    public String variable() {
        return TrainingPlanCapture.ROWS;
    }

    @Override
    public String fileName() {
        return "trainees";
    }

    @Override
    public List<SheetColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Upload read(SheetTask task, byte[] file) {
        List<String> problems = new ArrayList<>();
        List<Trainee> trainees = roster.read(new ByteArrayInputStream(file), problems);
        return problems.isEmpty()
                ? Upload.of(trainees.stream().map(TrainingPlanCapture::prefill).toList(), 0)
                : Upload.refused(problems);
    }
}
