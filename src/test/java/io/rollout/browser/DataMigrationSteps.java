package io.rollout.browser;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.task.Task;

/**
 * The user's part of every task of the data migration ({@code dataMigration}), done in Tasklist as a person does
 * it: each step opens its task from the list of the logged-in user's chosen filter, claims it, fills the form (the
 * extract is chosen in the upload form's file field) and completes it. The tasks are passed in (the caller finds
 * them with the engine's {@code TaskService}); the values are those of the ERP case. The dry run between upload and
 * sign-off runs in the background: the sign-off step waits until the owner's task list shows it, as the owner does.
 */
final class DataMigrationSteps {

    /**
     * A cleansing rule as the grid takes it: the kind as the form names it ("Unique after normalising"), the column,
     * pattern, values, min, max and the referenced column ("customers.客户编码"); null cells stay empty.
     */
    record Rule(String kind, String column, String pattern, String values, String min, String max, String reference) {

        static Rule of(String kind, String column) {
            return new Rule(kind, column, null, null, null, null, null);
        }
    }

    /** A dataset definition: header columns, key and reconciled columns, threshold (%), owning department by name. */
    record Definition(
            List<String> columns,
            String keyColumns,
            String reconcileColumns,
            int threshold,
            String department,
            List<Rule> rules) {}

    /** The customers dataset of the ERP case (the customer's legacy-customers.csv) with rules for its faults. */
    static final Definition CUSTOMERS = new Definition(
            List.of("客户编码", "客户名称", "联系人", "电话", "城市", "信用额度", "建档日期"),
            "客户编码",
            "信用额度",
            15,
            "Finance",
            List.of(
                    Rule.of("Required", "客户编码"),
                    Rule.of("Required", "客户名称"),
                    new Rule("Coding standard", "客户编码", "C\\d{5}", null, null, null, null),
                    new Rule(
                            "Format (regular expression)", "电话", "1\\d{10}|0\\d{2,3}-\\d{7,8}", null, null, null, null),
                    new Rule("Number", "信用额度", null, null, "0", null, null),
                    new Rule("Date", "建档日期", null, "yyyy-MM-dd, yyyy/M/d, dd.MM.yyyy", null, null, null),
                    Rule.of("Unique after normalising", "客户编码")));

    private DataMigrationSteps() {}

    /** Defines a dataset that has no definition yet: columns, keys, threshold, department and the rules, in order. */
    static void define(Tasklist tasklist, Task task, Definition definition) {
        tasklist.open(task.getName(), task.getId())
                .claim()
                .type("Field_DatasetColumns", null, String.join("\n", definition.columns()))
                .type("Field_KeyColumns", null, definition.keyColumns())
                .type("Field_ReconcileColumns", null, definition.reconcileColumns())
                .type("Field_RejectThreshold", null, String.valueOf(definition.threshold()))
                .select("Field_Department", null, definition.department());
        for (Rule rule : definition.rules()) {
            int row = tasklist.addRow("List_Rules", "Field_RuleColumn");
            tasklist.select("Field_RuleKind", row, rule.kind());
            typeIfGiven(tasklist, "Field_RuleColumn", row, rule.column());
            typeIfGiven(tasklist, "Field_RulePattern", row, rule.pattern());
            typeIfGiven(tasklist, "Field_RuleValues", row, rule.values());
            typeIfGiven(tasklist, "Field_RuleMin", row, rule.min());
            typeIfGiven(tasklist, "Field_RuleMax", row, rule.max());
            typeIfGiven(tasklist, "Field_RuleReference", row, rule.reference());
        }
        tasklist.completeAndAwaitClosed();
    }

    /** Confirms the dataset's definition as it stands (the form comes prefilled), e.g. before another round. */
    static void keepDefinition(Tasklist tasklist, Task task) {
        tasklist.open(task.getName(), task.getId()).claim().completeAndAwaitClosed();
    }

    /** Uploads an extract through the upload form's file field. */
    static void uploadExtract(Tasklist tasklist, Task task, Path file) {
        tasklist.openEmbedded(task.getName(), task.getId(), "extractFile")
                .claim()
                .upload("extractFile", file)
                .completeAndAwaitClosed();
    }

    /**
     * Signs the dataset off, or refuses it with the comment, once the dry run has put the task on the owner's list
     * (the list is reloaded until it shows the task).
     */
    static void signOff(Tasklist tasklist, Task task, boolean signedOff, String comment) {
        tasklist.awaitListed(task.getId())
                .open(task.getName(), task.getId())
                .claim()
                .radio("Field_DataSignedOff", signedOff ? "Yes" : "No");
        if (comment != null) {
            tasklist.type("Field_SignOffComment", null, comment);
        }
        tasklist.completeAndAwaitClosed();
    }

    private static void typeIfGiven(Tasklist tasklist, String field, int row, String text) {
        if (text != null) {
            tasklist.type(field, row, text);
        }
    }
}
