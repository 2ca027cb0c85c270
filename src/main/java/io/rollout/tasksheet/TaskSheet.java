package io.rollout.tasksheet;

import io.rollout.shared.FormRow;
import java.util.List;
import java.util.Map;

/**
 * A list that a user task captures in its Camunda Form — a dynamic list bound to a {@code Json} variable of rows —
 * offered for download as an Excel workbook and for upload of an edited file from inside the form (the page
 * {@code /task-sheet/} in the form's iframe, endpoints of {@link TaskSheetController}). An upload only replaces the
 * rows of that variable, after the checks of the feature's file import: the user reviews them in the form and
 * completes the task, whose listener checks and stores them as always.
 *
 * <p>Implemented by the features for the forms {@code captureRequirements} and {@code clarifyRequirements}
 * ({@code UserTask_CaptureRequirements}, {@code UserTask_ClarifyRequirements} of {@code requirementsPhase}),
 * {@code prepareTestCases} ({@code UserTask_PrepareTestCases} of {@code userAcceptanceTest}), {@code planTraining}
 * (the roster, {@code UserTask_PlanTraining}) and {@code recordAttendance} ({@code UserTask_RecordAttendance}) of
 * {@code trainingPhase}.
 */
public interface TaskSheet {

    /** The id of the Camunda Form whose tasks offer this sheet, e.g. {@code clarifyRequirements}. */
    String form();

    /** The {@code Json} variable of the form's dynamic list, e.g. {@code requirements}. */
    String variable();

    /** The name of the downloaded file, without project and extension, e.g. {@code requirements}. */
    String fileName();

    /** The columns of the workbook, in order: the headers the upload (and the feature's REST import) accepts. */
    List<SheetColumn> columns();

    /**
     * The rows to download, from the rows the form holds now; by default as they are. A sheet fills in what the
     * form does not show but the file needs (e.g. the department of a department's task).
     */
    default List<Map<String, Object>> download(SheetTask task, List<FormRow> rows) {
        return rows.stream().filter(r -> !r.isBlank()).map(FormRow::values).toList();
    }

    /**
     * Reads an uploaded file (CSV in UTF-8, with BOM or GBK, or .xlsx) with the checks of the feature's import and
     * answers the rows for the form, in the shape its dynamic list uses, or every problem found.
     */
    Upload read(SheetTask task, byte[] file);

    /**
     * The outcome of reading a file: the new rows of the form's list, or the problems (then nothing changes).
     *
     * @param rows     the rows for the form's dynamic list
     * @param skipped  rows of the file that do not belong in this task (e.g. other departments), not loaded
     * @param problems one message per problem, naming row and column, in the user's language
     */
    record Upload(List<Map<String, Object>> rows, int skipped, List<String> problems) {

        public static Upload of(List<Map<String, Object>> rows, int skipped) {
            return new Upload(rows, skipped, List.of());
        }

        public static Upload refused(List<String> problems) {
            return new Upload(List.of(), 0, problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
