package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverRulesTests {

    final HandoverRules rules = new HandoverRules();
    static final Map<String, String> MODULES = modules();
    static final Set<String> USERS = Set.of("chenjing", "liuyang", "linfeng", "lihua");
    static final Set<String> OWNERS = Set.of("chenjing", "liuyang", "linfeng");
    static final Map<String, String> NOT_ADMINISTRATORS = Map.of(
            "liuyang",
            "not in IT operations",
            "chenjing",
            "not in IT operations",
            "xuhao",
            "not on the training roster");
    static final HandoverRules.People PEOPLE =
            HandoverRules.people(USERS::contains, OWNERS::contains, NOT_ADMINISTRATORS::get);

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("finance", "Finance");
        modules.put("inventory", "Inventory");
        return modules;
    }

    static FormRow row(int number, String module, String owner, Object administrators) {
        Map<String, Object> values = new HashMap<>();
        values.put("module", module);
        values.put("internalOwner", owner);
        values.put("runbookLink", "https://wiki/" + module);
        values.put("administrators", administrators);
        return new FormRow(number, values);
    }

    @Test
    void everyModuleHandedToAnOwnerAndTrainedAdministratorsNamedByCodeOrName() {
        var result = rules.check(
                List.of(
                        row(1, "Finance", "chenjing", List.of("linfeng")),
                        row(2, "inventory", "liuyang", "linfeng, linfeng")),
                MODULES,
                "https://wiki/erp",
                PEOPLE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.owners())
                .extracting(
                        HandoverRules.ModuleOwner::module,
                        HandoverRules.ModuleOwner::internalOwner,
                        HandoverRules.ModuleOwner::administrators)
                .containsExactly(
                        tuple("finance", "chenjing", List.of("linfeng")),
                        tuple("inventory", "liuyang", List.of("linfeng")));
    }

    @Test
    void unknownMissingOrImplementerOwnerIsRefused() {
        var result = rules.check(
                List.of(
                        row(1, "Finance", "ghost", List.of("linfeng")),
                        row(2, "Inventory", null, List.of("linfeng")),
                        row(3, "Inventory", "lihua", List.of("linfeng"))),
                MODULES,
                "https://wiki/erp",
                PEOPLE);

        assertThat(result.owners()).isEmpty();
        assertThat(result.problems())
                .extracting(Problem::code)
                .containsExactly(
                        "operations.handover.unknownUser",
                        "form.row.required",
                        "operations.handover.duplicateModule",
                        "operations.handover.notAnOwner");
    }

    @Test
    void missingDuplicateOrForeignModuleIsRefusedByItsName() {
        var result = rules.check(
                List.of(
                        row(1, "Finance", "chenjing", List.of("linfeng")),
                        row(2, "finance", "liuyang", List.of("linfeng")),
                        row(3, "Sales", "liuyang", List.of("linfeng"))),
                MODULES,
                "https://wiki/erp",
                PEOPLE);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("operations.handover.duplicateModule", 2, "Finance"),
                        new Problem("form.row.choice", 3, "Module", "Finance, Inventory", "Sales"),
                        new Problem("operations.handover.moduleMissing", "Inventory"));
    }

    @Test
    void knowledgeBaseIsRequired() {
        var result = rules.check(
                List.of(
                        row(1, "Finance", "chenjing", List.of("linfeng")),
                        row(2, "Inventory", "liuyang", List.of("linfeng"))),
                MODULES,
                null,
                PEOPLE);

        assertThat(result.problems()).extracting(Problem::code).containsExactly("form.field.required");
    }

    @Test
    void everyModuleNeedsAdministratorsWhoQualifyAndTheRefusalSaysWhyNot() {
        var result = rules.check(
                List.of(
                        row(1, "Finance", "chenjing", List.of("linfeng", "xuhao", "liuyang")),
                        row(2, "Inventory", "liuyang", " ")),
                MODULES,
                "https://wiki/erp",
                PEOPLE);

        assertThat(result.problems())
                .containsExactly(
                        new Problem(
                                "operations.handover.untrainedAdministrator",
                                1,
                                "xuhao",
                                "xuhao",
                                "not on the training roster"),
                        new Problem(
                                "operations.handover.untrainedAdministrator",
                                1,
                                "liuyang",
                                "liuyang",
                                "not in IT operations"),
                        new Problem("operations.handover.noAdministrator", 2, "Inventory"));
    }
}
