package io.rollout.requirements;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.SpreadsheetSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a requirement list as customers hand it over, through {@link SpreadsheetSource}: an Excel workbook
 * (.xlsx) or CSV in UTF-8, UTF-8 with BOM or GBK, separated by commas, semicolons or tabs, with English headers
 * ({@code reqId, department, title, painPoint, goal, expectedEffect, priority, acceptanceCriterion,
 * solutionMatch}) or the customer's Chinese ones (编号, 部门, 需求名称, 现状痛点, 目标, 预期效果, 优先级, 验收标准,
 * 方案匹配). Rows are numbered as in the spreadsheet: the header is row 1. An optional column {@code withdrawn}
 * (已撤回, yes/no) marks requirements withdrawn in clarification; only the sheet of the task
 * {@code UserTask_ClarifyRequirements} uses it, the import stores drafts. Plain class; used by
 * {@link RequirementImport} and {@link RequirementTaskSheet}.
 */
final class RequirementSheet {

    static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    private static final List<String> REQUIRED = List.of("reqId", "department", "title", "priority");
    private static final Map<String, String> CHINESE_NAMES = new LinkedHashMap<>();

    static {
        CHINESE_NAMES.put("reqId", "编号");
        CHINESE_NAMES.put("department", "部门");
        CHINESE_NAMES.put("title", "需求名称");
        CHINESE_NAMES.put("painPoint", "现状痛点");
        CHINESE_NAMES.put("goal", "目标");
        CHINESE_NAMES.put("expectedEffect", "预期效果");
        CHINESE_NAMES.put("priority", "优先级");
        CHINESE_NAMES.put("acceptanceCriterion", "验收标准");
        CHINESE_NAMES.put("solutionMatch", "方案匹配");
        CHINESE_NAMES.put("withdrawn", "已撤回");
        CHINESE_NAMES.forEach((key, chinese) -> {
            COLUMNS.put(key, key);
            COLUMNS.put(chinese, key);
        });
    }

    /**
     * The rows of a file that may be stored, how many were skipped as outside the scope, and every problem.
     * Nothing may be stored when there are problems.
     *
     * @param withdrawn the ids of the rows the optional column {@code withdrawn} marks as withdrawn
     */
    record Parsed(List<Requirement> rows, int skipped, List<Problem> problems, Set<String> withdrawn) {

        static Parsed refused(List<Problem> problems) {
            return new Parsed(List.of(), 0, problems, Set.of());
        }
    }

    private RequirementSheet() {}

    /**
     * @param scope            departments of the project: rows of other known departments are skipped
     * @param knownDepartments every department code Rollout knows: other names are errors
     */
    static Parsed read(byte[] bytes, Collection<String> scope, Collection<String> knownDepartments) {
        SpreadsheetSource.Sheet sheet;
        try {
            sheet = SpreadsheetSource.read(bytes, COLUMNS);
        } catch (SpreadsheetSource.UnreadableFile e) {
            return Parsed.refused(List.of(e.problem()));
        }
        Map<String, String> labels = sheet.labels();
        List<Problem> problems = missingColumns(labels);
        if (!problems.isEmpty()) {
            return Parsed.refused(problems);
        }
        List<Requirement> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        int skipped = 0;
        for (FormRow cells : sheet.rows()) {
            int row = cells.number();
            String departmentText = cells.text("department");
            String department = RequirementFields.department(departmentText);
            Requirement req = requirement(cells, department);
            if (department == null) {
                problems.add(Problem.of("form.row.required", row, labels.get("department")));
            } else if (!knownDepartments.contains(department)) {
                problems.add(Problem.of(
                        "requirements.row.departmentUnknown",
                        row,
                        departmentText,
                        String.join(", ", knownDepartments)));
            } else if (!scope.contains(department)) {
                skipped++;
                continue;
            }
            if (req.reqId() == null) {
                problems.add(Problem.of("form.row.required", row, labels.get("reqId")));
            } else {
                Integer first = seen.putIfAbsent(req.reqId().toUpperCase(Locale.ROOT), row);
                if (first != null) {
                    problems.add(Problem.of("requirements.row.duplicateId", row, req.reqId(), first));
                }
            }
            problems.addAll(RequirementFields.check(row, req, key -> labels.getOrDefault(key, key)));
            readWithdrawn(cells, req, labels, withdrawn, problems);
            rows.add(req);
        }
        return problems.isEmpty()
                ? new Parsed(rows, skipped, problems, withdrawn)
                : new Parsed(List.of(), skipped, problems, Set.of());
    }

    private static List<Problem> missingColumns(Map<String, String> labels) {
        List<Problem> problems = new ArrayList<>();
        for (String key : REQUIRED) {
            if (!labels.containsKey(key)) {
                problems.add(Problem.of("requirements.import.columnMissing", key, CHINESE_NAMES.get(key)));
            }
        }
        return problems;
    }

    private static Requirement requirement(FormRow cells, String department) {
        return new Requirement(
                null,
                RequirementFields.reqId(cells.text("reqId")),
                department,
                cells.text("title"),
                cells.text("painPoint"),
                cells.text("goal"),
                cells.text("expectedEffect"),
                RequirementFields.priority(cells.text("priority")),
                cells.text("acceptanceCriterion"),
                RequirementFields.solutionMatch(cells.text("solutionMatch")),
                null,
                null,
                null);
    }

    // a row marked withdrawn (yes/no/是/否) leaves the specification when the list is stored
    private static void readWithdrawn(
            FormRow cells, Requirement req, Map<String, String> labels, Set<String> withdrawn, List<Problem> problems) {
        int row = cells.number();
        try {
            if (Boolean.TRUE.equals(cells.yesNo("withdrawn")) && req.reqId() != null) {
                withdrawn.add(req.reqId());
            }
        } catch (IllegalArgumentException e) {
            problems.add(
                    Problem.of("form.row.choice", row, labels.get("withdrawn"), "yes/no/是/否", cells.text("withdrawn")));
        }
    }
}
