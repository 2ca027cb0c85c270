package io.rollout.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.governance.LogEntryRules.Raise;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.time.LocalDate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LogEntryRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    /** zhangwei works on projects, heyan is an auditor, anyone else is no user. */
    static final Function<String, ProjectPeople.Refusal> USERS = id -> switch (id) {
        case "zhangwei", "liwei" -> null;
        case "heyan" -> ProjectPeople.Refusal.NOT_ON_PROJECTS;
        default -> ProjectPeople.Refusal.UNKNOWN;
    };

    @Test
    void aRiskWithProbabilityAndImpactPassesAndIsScored() {
        Raise raise = LogEntryRules.raise("Risk", "Vendor leaves", null, "3", 5L, null, null, null, TODAY, USERS);

        assertThat(raise.valid()).isTrue();
        assertThat(raise.kind()).isEqualTo("risk");
        assertThat(raise.score()).isEqualTo(15);
        assertThat(raise.owner()).isNull();
    }

    @Test
    void anIssueWithOwnerAndDueDatePasses() {
        Raise raise = LogEntryRules.raise(
                "issue",
                "Interface down",
                "since Monday",
                null,
                null,
                "High",
                "zhangwei",
                "2026-05-04T00:00:00",
                TODAY,
                USERS);

        assertThat(raise.valid()).isTrue();
        assertThat(raise.severity()).isEqualTo("high");
        assertThat(raise.dueDate()).isEqualTo(TODAY);
    }

    @Test
    void aRiskWithoutTitleOrScaleFailsWithEveryReason() {
        assertThat(LogEntryRules.raise("risk", null, null, "0", "2.5", null, null, null, TODAY, USERS)
                        .problems())
                .containsExactly(
                        Problem.of("form.field.required", new Label("governance.field.title")),
                        Problem.of("governance.scale.invalid", new Label("governance.field.probability"), "0"),
                        Problem.of("governance.scale.invalid", new Label("governance.field.impact"), "2.5"));
    }

    @Test
    void anUnknownKindOrSeverityFails() {
        assertThat(LogEntryRules.raise(null, "t", null, null, null, null, null, null, TODAY, USERS)
                        .problems())
                .containsExactly(Problem.of("form.field.required", new Label("governance.field.kind")));
        assertThat(LogEntryRules.raise("rumour", "t", null, null, null, null, null, null, TODAY, USERS)
                        .problems())
                .containsExactly(
                        Problem.of("form.field.choice", new Label("governance.field.kind"), "risk, issue", "rumour"));
        assertThat(LogEntryRules.raise("issue", "t", null, null, null, null, null, null, TODAY, USERS)
                        .problems())
                .containsExactly(Problem.of("form.field.required", new Label("governance.field.severity")));
        assertThat(LogEntryRules.raise("issue", "t", null, null, null, "urgent", null, null, TODAY, USERS)
                        .problems())
                .containsExactly(Problem.of(
                        "form.field.choice",
                        new Label("governance.field.severity"),
                        "low, medium, high, critical",
                        "urgent"));
    }

    @Test
    void anOwnerWithoutDueDateOrAnUnknownOwnerOrAPastOrBadDateFails() {
        assertThat(LogEntryRules.raise("issue", "t", null, null, null, "low", "zhangwei", null, TODAY, USERS)
                        .problems())
                .containsExactly(Problem.of("form.field.required", new Label("governance.field.dueDate")));
        assertThat(LogEntryRules.assign(null, "2026-05-03", TODAY, USERS).problems())
                .containsExactly(
                        Problem.of("form.field.required", new Label("governance.field.owner")),
                        Problem.of("governance.dueDate.past", "2026-05-03", "2026-05-04"));
        assertThat(LogEntryRules.assign("ghost", "next week", TODAY, USERS).problems())
                .containsExactly(
                        Problem.of("governance.owner.unknown", "ghost"),
                        Problem.of("governance.dueDate.invalid", "next week"));
    }

    @Test
    void anAuditorCannotOwnARiskOrIssue() {
        assertThat(LogEntryRules.assign("heyan", "2026-05-20", TODAY, USERS).problems())
                .containsExactly(Problem.of("governance.owner.notOnProjects", "heyan"));
        assertThat(LogEntryRules.assign("liwei", "2026-05-20", TODAY, USERS).valid())
                .isTrue();
    }

    @Test
    void aTooLongTextFails() {
        assertThat(LogEntryRules.raise(
                                "issue", "t".repeat(301), "d".repeat(2001), null, null, "low", null, null, TODAY, USERS)
                        .problems())
                .containsExactly(
                        Problem.of("governance.text.tooLong", new Label("governance.field.title"), 300),
                        Problem.of("governance.text.tooLong", new Label("governance.field.description"), 2000));
    }

    @Test
    void aResolutionIsRequired() {
        assertThat(LogEntryRules.resolve("Fixed")).isEmpty();
        assertThat(LogEntryRules.resolve(null))
                .containsExactly(Problem.of("form.field.required", new Label("governance.field.resolution")));
        assertThat(LogEntryRules.resolve("x".repeat(2001)))
                .containsExactly(Problem.of("governance.text.tooLong", new Label("governance.field.resolution"), 2000));
    }
}
