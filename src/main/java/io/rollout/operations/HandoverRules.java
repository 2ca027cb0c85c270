package io.rollout.operations;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The handover rule of {@code UserTask_HandOver} in {@code operationsPhase}: every module in scope is
 * handed to an internal owner who is a user of the platform and to internal administrators who are trained and
 * passed on the training roster, and the knowledge base is named, so the customer operates the system without
 * depending on the implementer.
 */
final class HandoverRules {

    /** Who owns a module after handover. */
    record ModuleOwner(String module, String internalOwner, String runbookLink) {
    }

    /** The owners read from the form, or the problems that refuse the submission. */
    record Result(List<ModuleOwner> owners, List<Problem> problems) {
    }

    /**
     * @param trained the logins of roster people who are trained and passed: only they may administer a module
     */
    Result check(List<FormRow> rows, List<String> modules, String knowledgeBaseLink, Predicate<String> userExists,
                 Set<String> trained) {
        List<Problem> problems = new ArrayList<>();
        List<ModuleOwner> owners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String module = row.text("module");
            String owner = row.text("internalOwner");
            if (module == null) {
                problems.add(new Problem("form.row.required", row.number(), "Module"));
            } else if (!modules.contains(module)) {
                problems.add(new Problem("form.row.choice", row.number(), "Module", String.join(", ", modules), module));
            } else if (!seen.add(module)) {
                problems.add(new Problem("operations.handover.duplicateModule", row.number(), module));
            }
            if (owner == null) {
                problems.add(new Problem("form.row.required", row.number(), "Internal owner"));
            } else if (!userExists.test(owner)) {
                problems.add(new Problem("operations.handover.unknownUser", row.number(), owner));
            }
            List<String> administrators = row.text("administrators") == null ? List.of()
                : java.util.Arrays.stream(row.text("administrators").split("[,，;\\s]+")).filter(a -> !a.isBlank()).toList();
            if (administrators.isEmpty()) {
                problems.add(new Problem("operations.handover.noAdministrator", row.number(), module == null ? "" : module));
            }
            administrators.stream().filter(a -> !trained.contains(a)).forEach(a ->
                problems.add(new Problem("operations.handover.untrainedAdministrator", row.number(), a)));
            owners.add(new ModuleOwner(module, owner, row.text("runbookLink")));
        }
        modules.stream().filter(m -> !seen.contains(m))
            .forEach(m -> problems.add(new Problem("operations.handover.moduleMissing", m)));
        if (knowledgeBaseLink == null) {
            problems.add(new Problem("form.field.required", "Knowledge base"));
        }
        return new Result(problems.isEmpty() ? owners : List.of(), problems);
    }
}
