package io.rollout.uat;

import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.SpreadsheetSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports UAT test cases from an Excel workbook (.xlsx, first sheet) or a CSV file (UTF-8 with or without BOM,
 * or GBK; comma, semicolon or tab), see {@link SpreadsheetSource}.
 * Headers in English ({@code caseId,title,requirementIds,steps,expectedResult,module,priority}) or
 * as the customer writes them ({@code 用例编号,用例名称,覆盖需求,步骤,预期结果,模块,优先级}).
 * Cases are inserted or updated; when any row is bad, nothing is stored and every bad row is
 * reported with its spreadsheet row number and the reason. The Excel upload of {@code UserTask_PrepareTestCases}
 * reads files with the same checks.
 */
@Service
public class TestCaseImport {

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("caseId", "caseId"), Map.entry("用例编号", "caseId"),
            Map.entry("title", "title"), Map.entry("用例名称", "title"),
            Map.entry("requirementIds", "requirementIds"), Map.entry("覆盖需求", "requirementIds"),
            Map.entry("steps", "steps"), Map.entry("步骤", "steps"),
            Map.entry("expectedResult", "expectedResult"), Map.entry("预期结果", "expectedResult"),
            Map.entry("module", "module"), Map.entry("模块", "module"),
            Map.entry("priority", "priority"), Map.entry("优先级", "priority"));

    private final UatRepository repository;
    private final TestCaseRows validator;
    private final Messages messages;

    TestCaseImport(UatRepository repository, TestCaseRows validator, Messages messages) {
        this.repository = repository;
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * Reads and stores the test cases of a file.
     *
     * @return the number of test cases stored
     * @throws org.camunda.bpm.engine.BadUserRequestException listing every problem, when anything is wrong
     */
    @Transactional
    public int importCsv(String projectCode, InputStream csv, String user) {
        TestCaseRows.Result result = read(projectCode, csv);
        FormInput.refuseIfAny(result.problems());
        repository.saveTestCases(projectCode, result.cases(), user);
        return result.cases().size();
    }

    /**
     * The test cases of a file with every problem (headers, rows, requirement ids of the project), storing nothing;
     * also reads the file uploaded in {@code UserTask_PrepareTestCases} ({@link TestCaseTaskSheet}).
     *
     * @throws org.camunda.bpm.engine.BadUserRequestException when the file cannot be read as a table at all
     */
    TestCaseRows.Result read(String projectCode, InputStream file) {
        SpreadsheetSource.Sheet parsed = SpreadsheetSource.read(file, COLUMNS, messages);
        List<String> missing = new ArrayList<>();
        for (String required : List.of("caseId", "title", "priority")) {
            if (!parsed.keys().contains(required)) {
                missing.add(messages.get("uat.import.column", messages.get("uat.field." + required)));
            }
        }
        if (!missing.isEmpty()) {
            return new TestCaseRows.Result(List.of(), missing);
        }
        return validator.validate(parsed.rows(), repository.requirementIds(projectCode));
    }
}
