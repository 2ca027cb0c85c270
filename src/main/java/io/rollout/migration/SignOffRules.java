package io.rollout.migration;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.List;

/**
 * What a business owner's decision on a dry-run round must say ({@code UserTask_SignOffDataset} of
 * {@code dataMigration}): signed off or not, and why when not, because the data steward works from that
 * reason in the next round. Plain rule: no engine, no Spring.
 */
final class SignOffRules {

    private SignOffRules() {}

    /** The problem of a sign-off decision, if any: the decision is missing, or a refusal has no comment. */
    static List<Problem> decision(Boolean signedOff, String comment) {
        if (signedOff == null) {
            return List.of(new Problem("form.field.required", new Label("migration.field.dataSignedOff")));
        }
        if (!signedOff && comment == null) {
            return List.of(new Problem("migration.signOff.commentRequired"));
        }
        return List.of();
    }
}
