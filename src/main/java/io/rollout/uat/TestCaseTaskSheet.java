package io.rollout.uat;

import io.rollout.tasksheet.SheetColumn;
import io.rollout.tasksheet.SheetTask;
import io.rollout.tasksheet.TaskSheet;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The test cases of {@code UserTask_PrepareTestCases} (form {@code prepareTestCases}, variable {@code testCases} of
 * {@link TestCaseCapture}) as Excel. An upload is read by {@link TestCaseImport#read}: the headers, rows and
 * requirement ids of the REST import's checks.
 */
@Component
class TestCaseTaskSheet implements TaskSheet {

    static final List<SheetColumn> COLUMNS = SheetColumn.of(
            List.of("caseId", "title", "requirementIds", "module", "priority", "steps", "expectedResult"),
            TestCaseImport.COLUMNS,
            Map.of());

    private final TestCaseImport importer;

    TestCaseTaskSheet(TestCaseImport importer) {
        this.importer = importer;
    }

    @Override
    public String form() {
        return "prepareTestCases";
    }

    @Override
    public String variable() {
        return TestCaseCapture.ROWS;
    }

    @Override
    public String fileName() {
        return "test-cases";
    }

    @Override
    public List<SheetColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Upload read(SheetTask task, byte[] file) {
        TestCaseRows.Result result = importer.read(task.projectCode(), new ByteArrayInputStream(file));
        return result.problems().isEmpty()
                ? Upload.of(result.cases().stream().map(TestCaseCapture::row).toList(), 0)
                : Upload.refused(result.problems());
    }
}
