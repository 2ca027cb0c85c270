package io.rollout.operations;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The handover rule of {@code UserTask_HandOver} in {@code operationsPhase}: every module in scope is handed to an
 * internal owner — a person of the customer who may own it (IT operations, a business owner or a key user) — and to
 * internal administrators of IT operations who are trained and passed on the training roster, and the knowledge base
 * is named, so the customer operates the system without depending on the implementer. Plain Java.
 */
final class HandoverRules {

    /** Who owns and administers a module after handover. */
    record ModuleOwner(String module, String internalOwner, String runbookLink, List<String> administrators) {}

    /** The owners read from the form, or the problems that refuse the submission. */
    record Result(List<ModuleOwner> owners, List<Problem> problems) {}

    /** What the rule asks of the people named. */
    interface People {

        /** True when a user with this login exists. */
        boolean exists(String userId);

        /** True when the user may own a module. */
        boolean mayOwn(String userId);

        /**
         * Why the user may not administer a module (in the reader's language), or {@code null} when they may.
         */
        String whyNotAdministrator(String userId);

        /** The name the user is shown by. */
        String name(String userId);
    }

    /**
     * @param modules the project's modules by code, with their display names (a row may name either)
     */
    Result check(List<FormRow> rows, Map<String, String> modules, String knowledgeBaseLink, People people) {
        List<Problem> problems = new ArrayList<>();
        List<ModuleOwner> owners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String named = row.text("module");
            String module = code(named, modules);
            String owner = row.text("internalOwner");
            if (named == null) {
                problems.add(new Problem("form.row.required", row.number(), "Module"));
            } else if (module == null) {
                problems.add(new Problem(
                        "form.row.choice", row.number(), "Module", String.join(", ", modules.values()), named));
            } else if (!seen.add(module)) {
                problems.add(new Problem("operations.handover.duplicateModule", row.number(), modules.get(module)));
            }
            if (owner == null) {
                problems.add(new Problem("form.row.required", row.number(), "Internal owner"));
            } else if (!people.exists(owner)) {
                problems.add(new Problem("operations.handover.unknownUser", row.number(), owner));
            } else if (!people.mayOwn(owner)) {
                problems.add(new Problem("operations.handover.notAnOwner", row.number(), people.name(owner), owner));
            }
            List<String> administrators = administrators(row.values().get("administrators"));
            if (administrators.isEmpty()) {
                problems.add(new Problem(
                        "operations.handover.noAdministrator",
                        row.number(),
                        module == null ? String.valueOf(named) : modules.get(module)));
            }
            for (String administrator : administrators) {
                String why = people.whyNotAdministrator(administrator);
                if (why != null) {
                    problems.add(new Problem(
                            "operations.handover.untrainedAdministrator",
                            row.number(),
                            people.name(administrator),
                            administrator,
                            why));
                }
            }
            owners.add(new ModuleOwner(module, owner, row.text("runbookLink"), administrators));
        }
        modules.keySet().stream()
                .filter(m -> !seen.contains(m))
                .forEach(m -> problems.add(new Problem("operations.handover.moduleMissing", modules.get(m))));
        if (knowledgeBaseLink == null) {
            problems.add(new Problem("form.field.required", "Knowledge base"));
        }
        return new Result(problems.isEmpty() ? owners : List.of(), problems);
    }

    /** The module's code, named by its code or its display name; {@code null} when it is none of the project's. */
    private static String code(String named, Map<String, String> modules) {
        if (named == null) {
            return null;
        }
        if (modules.containsKey(named)) {
            return named;
        }
        return modules.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(named))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /**
     * The administrators of a row: the list a form's tag list submits, or logins separated by commas as a REST
     * client may write them; each once.
     */
    static List<String> administrators(Object value) {
        Collection<?> raw;
        if (value == null) {
            raw = List.of();
        } else if (value instanceof Collection<?> list) {
            raw = list;
        } else {
            raw = Arrays.asList(value.toString().split("[,，;\\s]+"));
        }
        Set<String> logins = new LinkedHashSet<>();
        raw.stream()
                .filter(a -> a != null && !a.toString().isBlank())
                .map(a -> a.toString().trim())
                .forEach(logins::add);
        return List.copyOf(logins);
    }

    /** Convenience for tests and callers with sets and maps at hand. */
    static People people(Predicate<String> exists, Predicate<String> mayOwn, Function<String, String> whyNot) {
        return new People() {
            @Override
            public boolean exists(String userId) {
                return exists.test(userId);
            }

            @Override
            public boolean mayOwn(String userId) {
                return mayOwn.test(userId);
            }

            @Override
            public String whyNotAdministrator(String userId) {
                return whyNot.apply(userId);
            }

            @Override
            public String name(String userId) {
                return userId;
            }
        };
    }
}
