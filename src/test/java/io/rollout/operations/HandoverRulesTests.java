package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverRulesTests {

    final HandoverRules rules = new HandoverRules();
    static final List<String> MODULES = List.of("finance", "inventory");
    static final Set<String> USERS = Set.of("chenjing", "liuyang");
    static final Set<String> TRAINED = Set.of("chenjing");

    static FormRow row(int number, String module, String owner) {
        Map<String, Object> values = new HashMap<>();
        values.put("module", module);
        values.put("internalOwner", owner);
        values.put("runbookLink", "https://wiki/" + module);
        values.put("administrators", "chenjing");
        return new FormRow(number, values);
    }

    @Test
    void everyModuleHandedToAnExistingUser() {
        var result = rules.check(List.of(row(1, "finance", "chenjing"), row(2, "inventory", "liuyang")), MODULES,
            "https://wiki/erp", USERS::contains, TRAINED);

        assertThat(result.problems()).isEmpty();
        assertThat(result.owners()).extracting(HandoverRules.ModuleOwner::internalOwner).containsExactly("chenjing", "liuyang");
    }

    @Test
    void unknownOrMissingOwnerIsRefused() {
        var result = rules.check(List.of(row(1, "finance", "ghost"), row(2, "inventory", null)), MODULES,
            "https://wiki/erp", USERS::contains, TRAINED);

        assertThat(result.owners()).isEmpty();
        assertThat(result.problems()).extracting(Problem::code)
            .containsExactly("operations.handover.unknownUser", "form.row.required");
    }

    @Test
    void missingDuplicateOrForeignModuleIsRefused() {
        var result = rules.check(List.of(row(1, "finance", "chenjing"), row(2, "finance", "liuyang"),
            row(3, "sales", "liuyang")), MODULES, "https://wiki/erp", USERS::contains, TRAINED);

        assertThat(result.problems()).extracting(Problem::code).containsExactly("operations.handover.duplicateModule",
            "form.row.choice", "operations.handover.moduleMissing");
    }

    @Test
    void knowledgeBaseIsRequired() {
        var result = rules.check(List.of(row(1, "finance", "chenjing"), row(2, "inventory", "liuyang")), MODULES,
            null, USERS::contains, TRAINED);

        assertThat(result.problems()).extracting(Problem::code).containsExactly("form.field.required");
    }

    @Test
    void everyModuleNeedsATrainedInternalAdministrator() {
        FormRow untrained = row(1, "finance", "chenjing");
        untrained.values().put("administrators", "chenjing, liuyang");
        FormRow none = row(2, "inventory", "liuyang");
        none.values().put("administrators", " ");

        var result = rules.check(List.of(untrained, none), MODULES, "https://wiki/erp", USERS::contains, TRAINED);

        assertThat(result.problems()).extracting(Problem::code).containsExactly(
            "operations.handover.untrainedAdministrator", "operations.handover.noAdministrator");
        assertThat(result.problems().get(0).args()).containsExactly(1, "liuyang");
    }
}
