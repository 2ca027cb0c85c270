package io.rollout.golive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cutover runbook: numbered steps with owner, planned minutes and the steps they depend on, and the rules of
 * running it. A plan may not depend on an unknown step or on itself in a cycle; during a run a step cannot be in
 * progress or done before every step it depends on is done, and a run succeeds only when every step is done.
 * Plain Java: no Spring, no engine.
 */
final class Runbook {

    static final String NOT_STARTED = "not-started";
    static final String IN_PROGRESS = "in-progress";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final List<String> STATUSES = List.of(NOT_STARTED, IN_PROGRESS, DONE, FAILED);

    /** A planned step. */
    record Step(int no, String title, String owner, int plannedMinutes, List<Integer> dependsOn) {}

    /** A step as reported in a run. */
    record StepRun(int no, String status, Integer actualMinutes, String note) {}

    /** A problem as a message code of {@code messages/golive} and its arguments. */
    record Problem(String code, Object... args) {}

    private Runbook() {}

    /** Unknown dependencies and dependency cycles of a plan, each named. */
    static List<Problem> checkPlan(List<Step> steps) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, Step> byNo = new LinkedHashMap<>();
        steps.forEach(s -> byNo.put(s.no(), s));
        for (Step s : steps) {
            for (Integer dep : s.dependsOn()) {
                if (!byNo.containsKey(dep)) {
                    problems.add(new Problem("golive.runbook.unknownDependency", s.no(), dep));
                } else if (dep == s.no()) {
                    problems.add(new Problem("golive.runbook.selfDependency", s.no()));
                }
            }
        }
        if (problems.isEmpty()) {
            cycle(byNo).ifPresent(c -> problems.add(new Problem("golive.runbook.cycle", c)));
        }
        return problems;
    }

    // depth-first search; the first cycle found, written as "2 → 3 → 2"
    private static Optional<String> cycle(Map<Integer, Step> byNo) {
        Map<Integer, Integer> state = new HashMap<>(); // 1 = on the path, 2 = finished
        for (Integer start : byNo.keySet()) {
            List<Integer> path = new ArrayList<>();
            Optional<String> found = visit(start, byNo, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> visit(
            Integer no, Map<Integer, Step> byNo, Map<Integer, Integer> state, List<Integer> path) {
        Integer seen = state.get(no);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null) {
            List<Integer> loop = new ArrayList<>(path.subList(path.indexOf(no), path.size()));
            loop.add(no);
            return Optional.of(
                    String.join(" → ", loop.stream().map(String::valueOf).toList()));
        }
        state.put(no, 1);
        path.add(no);
        for (Integer dep : byNo.get(no).dependsOn()) {
            Optional<String> found = visit(dep, byNo, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(no, 2);
        return Optional.empty();
    }

    /** Steps started or finished before a step they depend on was done, each named. */
    static List<Problem> checkRun(List<Step> plan, List<StepRun> run) {
        Map<Integer, String> status = new HashMap<>();
        run.forEach(r -> status.put(r.no(), r.status()));
        List<Problem> problems = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (Step step : plan) {
            String s = status.getOrDefault(step.no(), NOT_STARTED);
            if (!s.equals(IN_PROGRESS) && !s.equals(DONE)) {
                continue;
            }
            for (Integer dep : step.dependsOn()) {
                if (!DONE.equals(status.getOrDefault(dep, NOT_STARTED)) && reported.add(step.no() * 10_000 + dep)) {
                    problems.add(new Problem("golive.runbook.dependencyNotDone", step.no(), step.title(), dep));
                }
            }
        }
        return problems;
    }

    /** True when every planned step is done. */
    static boolean complete(List<Step> plan, List<StepRun> run) {
        Set<Integer> done = new HashSet<>();
        run.stream().filter(r -> DONE.equals(r.status())).forEach(r -> done.add(r.no()));
        return plan.stream().allMatch(s -> done.contains(s.no()));
    }
}
