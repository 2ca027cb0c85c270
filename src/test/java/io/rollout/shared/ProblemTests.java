package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem.Label;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class ProblemTests {

    final Messages messages = messages();

    static Messages messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("form.row.required", Locale.getDefault(), "Row {0}: {1} is required");
        source.addMessage("form.field.required", Locale.getDefault(), "{0} is required");
        source.addMessage("build.field.iterationGoal", Locale.getDefault(), "Iteration goal");
        return new Messages(source);
    }

    @Test
    void problemsWithEqualCodeAndArgumentsAreEqual() {
        assertThat(Problem.of("form.row.required", 4, "title"))
                .isEqualTo(new Problem("form.row.required", 4, "title"))
                .hasSameHashCodeAs(new Problem("form.row.required", 4, "title"))
                .isNotEqualTo(Problem.of("form.row.required", 5, "title"));
        assertThat(Problem.of("requirements.signoff.notFrozen")).hasToString("requirements.signoff.notFrozen[]");
    }

    @Test
    void labelArgumentsAreResolvedAsMessages() {
        assertThat(Problem.of("form.field.required", new Label("build.field.iterationGoal"))
                        .text(messages))
                .isEqualTo("Iteration goal is required");
    }

    @Test
    void rejectNamesEveryProblemOnItsOwnLine() {
        BadUserRequestException refusal = Problem.reject(
                messages,
                List.of(
                        Problem.of("form.row.required", 2, "title"),
                        Problem.of("form.field.required", new Label("build.field.iterationGoal"))));
        assertThat(refusal).hasMessage("Row 2: title is required\nIteration goal is required");
    }
}
