package io.rollout.uat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The traceability view of UAT: every requirement of the project → the test cases that cover it → each case's
 * latest result (round, tester) → the defects raised on it with status and developer. A requirement is covered
 * when at least one of its cases passed last; requirements without a case are listed with none.
 */
@Component
class UatTraceability {

    /** A requirement as traced. */
    record Requirement(String id, String title, String priority, String department) {}

    /** A case covering a requirement, with its latest result and its defects. */
    record TracedCase(
            String caseId,
            String title,
            String latestResult,
            Integer round,
            String tester,
            List<TracedDefect> defects) {}

    /** A defect of a traced case. */
    record TracedDefect(long id, String severity, String status, String module, String assignee, int reopenCount) {}

    /** One row of the view: the requirement, whether a passed case covers it, and its cases. */
    record Trace(
            String requirementId,
            String title,
            String priority,
            String department,
            boolean covered,
            List<TracedCase> cases) {}

    private final UatRepository repository;

    UatTraceability(UatRepository repository) {
        this.repository = repository;
    }

    List<Trace> of(String projectCode) {
        Map<String, UatRepository.LatestResult> latest = repository.latestResultDetails(projectCode);
        Map<String, List<TracedDefect>> defects = new LinkedHashMap<>();
        for (Defect d : repository.defects(projectCode)) {
            defects.computeIfAbsent(d.caseId(), k -> new ArrayList<>())
                    .add(new TracedDefect(d.id(), d.severity(), d.status(), d.module(), d.assignee(), d.reopenCount()));
        }
        Map<String, List<TracedCase>> byRequirement = new LinkedHashMap<>();
        for (TestCase c : repository.testCases(projectCode)) {
            UatRepository.LatestResult r = latest.get(c.caseId());
            TracedCase traced = new TracedCase(
                    c.caseId(),
                    c.title(),
                    r == null ? null : r.result(),
                    r == null ? null : r.round(),
                    r == null ? null : r.tester(),
                    List.copyOf(defects.getOrDefault(c.caseId(), List.of())));
            c.requirementIds()
                    .forEach(id -> byRequirement
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(traced));
        }
        return repository.requirements(projectCode).stream()
                .map(req -> {
                    List<TracedCase> cases = byRequirement.getOrDefault(req.id(), List.of());
                    return new Trace(
                            req.id(),
                            req.title(),
                            req.priority(),
                            req.department(),
                            cases.stream().anyMatch(c -> UatGateRule.PASS.equals(c.latestResult())),
                            List.copyOf(cases));
                })
                .toList();
    }
}
