package io.rollout.uat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Validates test case rows, from the {@code prepareTestCases} form or a CSV file, against the
 * project's requirements. Every problem is collected with its row number, so a user fixes all of
 * them at once.
 */
@Component
class TestCaseRows {

    static final int MAX_ID = 32;
    static final int MAX_TITLE = 300;
    static final int MAX_STEPS = 4000;
    static final int MAX_EXPECTED = 2000;
    static final int MAX_MODULE = 40;

    /** Chinese priorities as customers write them. */
    private static final Map<String, String> PRIORITY_ALIASES = Map.of("高", "high", "中", "medium", "低", "low");

    private final Messages messages;

    TestCaseRows(Messages messages) {
        this.messages = messages;
    }

    /** The valid test cases, or the problems found; blank rows are skipped. */
    Result validate(List<FormRow> rows, Set<String> knownRequirements) {
        List<TestCase> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String caseId = required(row, "caseId", MAX_ID, problems);
            String title = required(row, "title", MAX_TITLE, problems);
            String steps = optional(row, "steps", MAX_STEPS, problems);
            String expected = optional(row, "expectedResult", MAX_EXPECTED, problems);
            String module = optional(row, "module", MAX_MODULE, problems);
            String priority = priority(row, problems);
            List<String> requirements = requirementIds(row.text("requirementIds"));
            for (String requirement : requirements) {
                if (!knownRequirements.contains(requirement)) {
                    problems.add(messages.get("uat.case.unknownRequirement", row.number(), requirement));
                }
            }
            if (caseId != null && !seen.add(caseId)) {
                problems.add(messages.get("uat.case.duplicate", row.number(), caseId));
            }
            if (problems.size() == before) {
                cases.add(new TestCase(caseId, title, requirements, steps, expected, module, priority));
            }
        }
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("uat.case.none"));
        }
        return new Result(problems.isEmpty() ? cases : List.of(), problems);
    }

    /** Requirement ids as users type them: separated by commas (also Chinese ones), semicolons or spaces. */
    static List<String> requirementIds(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;，；、\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private String priority(FormRow row, List<String> problems) {
        String value = row.text("priority");
        if (value == null) {
            problems.add(messages.get("form.row.required", row.number(), label("priority")));
            return null;
        }
        String normalised = PRIORITY_ALIASES.getOrDefault(value, value.toLowerCase(Locale.ROOT));
        if (!TestCase.PRIORITIES.contains(normalised)) {
            problems.add(messages.get(
                    "form.row.choice", row.number(), label("priority"), String.join("/", TestCase.PRIORITIES), value));
            return null;
        }
        return normalised;
    }

    private String required(FormRow row, String key, int max, List<String> problems) {
        String value = row.text(key);
        if (value == null) {
            problems.add(messages.get("form.row.required", row.number(), label(key)));
            return null;
        }
        return checkLength(row, key, value, max, problems);
    }

    private String optional(FormRow row, String key, int max, List<String> problems) {
        String value = row.text(key);
        return value == null ? null : checkLength(row, key, value, max, problems);
    }

    private String checkLength(FormRow row, String key, String value, int max, List<String> problems) {
        if (value.length() > max) {
            problems.add(messages.get("uat.row.tooLong", row.number(), label(key), max));
            return null;
        }
        return value;
    }

    private String label(String key) {
        return messages.get("uat.field." + key);
    }

    /** Valid cases when {@code problems} is empty. */
    record Result(List<TestCase> cases, List<String> problems) {}
}
