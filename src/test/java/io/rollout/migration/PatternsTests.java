package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.shared.Problem;
import org.junit.jupiter.api.Test;

class PatternsTests {

    @Test
    void stewardsPatternsWrittenForJavaRunOnRe2() {
        assertThat(Patterns.compile("[\\u4e00-\\u9fa5]{2,4}", "姓名").matches("王小明"))
                .isTrue();
        assertThat(Patterns.compile("\\p{IsHan}+", "姓名").matches("王小明")).isTrue();
        assertThat(Patterns.compile("1\\d{10}|0\\d{2,3}-\\d{7,8}", "电话").matches("021-55551234"))
                .isTrue();
        assertThat(Patterns.problem("[\\u4e00-\\u9fa5]{2,4}")).isNull();
    }

    @Test
    void repetitionsThatExpandBeyondTheLimitAreRefusedAndCodingStandardsAreNot() {
        assertThat(Patterns.size("[A-Z]{2}\\d{10}")).isEqualTo(12);
        assertThat(Patterns.size("1\\d{10}|0\\d{2,3}-\\d{7,8}")).isEqualTo(24);
        assertThat(Patterns.problem("(a{1000}){1000}")).isEqualTo("migration.definition.rule.patternTooLarge");
        assertThat(Patterns.problem("((a{100}){100}){100}")).isEqualTo("migration.definition.rule.patternTooLarge");
        assertThat(Patterns.problem("(a+)+$")).isNull();
        assertThat(Patterns.problem("(\\w)\\1")).isEqualTo("migration.definition.rule.patternNotLinear");
        assertThat(Patterns.problem("(?=C)C\\d+")).isEqualTo("migration.definition.rule.patternNotLinear");
    }

    @Test
    void aStoredPatternRe2CannotRunRefusesTheExtractNamingTheColumn() {
        assertThatThrownBy(() -> Patterns.compile("(\\w)\\1", "客户编码"))
                .isInstanceOfSatisfying(
                        ExtractException.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(Problem.of("migration.rule.unusablePattern", "客户编码", "(\\w)\\1")));
    }
}
