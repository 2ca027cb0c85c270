package io.rollout.uat;

import java.util.List;

/** A UAT test case and the requirements it covers. */
record TestCase(
        String caseId,
        String title,
        List<String> requirementIds,
        String steps,
        String expectedResult,
        String module,
        String priority) {

    static final List<String> PRIORITIES = List.of("high", "medium", "low");
}
