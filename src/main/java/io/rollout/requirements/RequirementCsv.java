package io.rollout.requirements;

import io.rollout.shared.CsvSource;
import io.rollout.shared.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a requirement list as customers hand it over: CSV in UTF-8, UTF-8 with BOM or GBK (valid UTF-8 is
 * read as UTF-8, anything else as GBK), separated by commas or semicolons, with English headers
 * ({@code reqId, department, title, painPoint, goal, expectedEffect, priority, acceptanceCriterion,
 * solutionMatch}) or the customer's Chinese ones (编号, 部门, 需求名称, 现状痛点, 目标, 预期效果, 优先级, 验收标准,
 * 方案匹配); decoding and delimiter as {@link CsvSource}. Rows are numbered as in a spreadsheet: the header is
 * row 1. Plain class; used by
 * {@link RequirementImport}.
 */
final class RequirementCsv {

    private static final Map<String, String> COLUMNS = new HashMap<>();
    private static final List<String> REQUIRED = List.of("reqId", "department", "title", "priority");
    private static final Map<String, String> CHINESE_NAMES = Map.of("reqId", "编号", "department", "部门",
        "title", "需求名称", "priority", "优先级");

    static {
        for (String key : List.of("reqId", "department", "title", "painPoint", "goal", "expectedEffect", "priority",
            "acceptanceCriterion", "solutionMatch")) {
            COLUMNS.put(key.toLowerCase(Locale.ROOT), key);
        }
        COLUMNS.put("编号", "reqId");
        COLUMNS.put("部门", "department");
        COLUMNS.put("需求名称", "title");
        COLUMNS.put("现状痛点", "painPoint");
        COLUMNS.put("目标", "goal");
        COLUMNS.put("预期效果", "expectedEffect");
        COLUMNS.put("优先级", "priority");
        COLUMNS.put("验收标准", "acceptanceCriterion");
        COLUMNS.put("方案匹配", "solutionMatch");
    }

    /**
     * The rows of a file that may be stored, how many were skipped as outside the scope, and every problem.
     * Nothing may be stored when there are problems.
     */
    record Parsed(List<Requirement> rows, int skipped, List<Problem> problems) {
    }

    private RequirementCsv() {
    }

    /**
     * @param scope            departments of the project: rows of other known departments are skipped
     * @param knownDepartments every department code Rollout knows: other names are errors
     */
    static Parsed read(byte[] bytes, Collection<String> scope, Collection<String> knownDepartments) {
        String text = CsvSource.decode(bytes);
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setDelimiter(CsvSource.delimiter(text)).setTrim(true).get()
                .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports malformed quoting this way
            return new Parsed(List.of(), 0, List.of(Problem.of("requirements.import.malformed", e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), 0, List.of(Problem.of("requirements.import.empty")));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        CSVRecord header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim();
            String key = COLUMNS.get(name.toLowerCase(Locale.ROOT));
            if (key != null && !index.containsKey(key)) {
                index.put(key, i);
                labels.put(key, name);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (String key : REQUIRED) {
            if (!index.containsKey(key)) {
                problems.add(Problem.of("requirements.import.columnMissing", key, CHINESE_NAMES.get(key)));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), 0, problems);
        }
        List<Requirement> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int skipped = 0;
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            int row = r + 1;
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Requirement req = new Requirement(null, RequirementFields.reqId(cell(record, index, "reqId")), null, cell(record, index, "title"),
                cell(record, index, "painPoint"), cell(record, index, "goal"), cell(record, index, "expectedEffect"),
                RequirementFields.priority(cell(record, index, "priority")), cell(record, index, "acceptanceCriterion"),
                RequirementFields.solutionMatch(cell(record, index, "solutionMatch")), null, null);
            String departmentText = cell(record, index, "department");
            String department = RequirementFields.department(departmentText);
            if (department == null) {
                problems.add(Problem.of("form.row.required", row, labels.get("department")));
            } else if (!knownDepartments.contains(department)) {
                problems.add(Problem.of("requirements.row.departmentUnknown", row, departmentText,
                    String.join(", ", knownDepartments)));
            } else if (!scope.contains(department)) {
                skipped++;
                continue;
            }
            if (req.reqId() == null) {
                problems.add(Problem.of("form.row.required", row, labels.get("reqId")));
            } else {
                String id = req.reqId().toUpperCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(id, row);
                if (first != null) {
                    problems.add(Problem.of("requirements.row.duplicateId", row, req.reqId(), first));
                }
            }
            problems.addAll(RequirementFields.check(row, req, key -> labels.getOrDefault(key, key)));
            rows.add(new Requirement(null, req.reqId(), department, req.title(), req.painPoint(), req.goal(),
                req.expectedEffect(), req.priority(), req.acceptanceCriterion(), req.solutionMatch(), null, null));
        }
        return new Parsed(problems.isEmpty() ? rows : List.of(), skipped, problems);
    }

    private static String cell(CSVRecord record, Map<String, Integer> index, String key) {
        Integer i = index.get(key);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = record.get(i).trim();
        return value.isEmpty() ? null : value;
    }
}
