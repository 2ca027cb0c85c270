package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminAccountTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesAMissingPassword(String password) {
        WeakAdminPasswordException refused = refused("admin", password);

        assertThat(refused.messageCode()).isEqualTo("security.adminPassword.missing");
        assertThat(startupMessage(refused)).contains("ROLLOUT_ADMIN_PASSWORD is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Camunda", "changeme", "Password123", "1234567890", "camunda-admin"})
    void refusesAKnownDefault(String password) {
        WeakAdminPasswordException refused = refused("admin", password);

        assertThat(refused.messageCode()).isEqualTo("security.adminPassword.weak");
        assertThat(startupMessage(refused)).contains("a known default");
    }

    @Test
    void refusesAShortPassword() {
        WeakAdminPasswordException refused = refused("admin", "Xk7-q2!mZ");

        assertThat(startupMessage(refused))
                .contains("is a known default or too short")
                .contains("shorter than 12 characters");
    }

    @Test
    void refusesAPasswordEqualToTheUserId() {
        WeakAdminPasswordException refused = refused("rolloutOperator", "RolloutOperator");

        assertThat(refused.messageCode()).isEqualTo("security.adminPassword.weak");
        assertThat(startupMessage(refused)).contains("a known default");
    }

    @Test
    void acceptsAStrongPassword() {
        assertThatCode(() -> AdminAccount.check("admin", "test-admin-Secret-2026"))
                .doesNotThrowAnyException();
        assertThatCode(() -> AdminAccount.check("admin", "exactly12chr")).doesNotThrowAnyException();
    }

    private static WeakAdminPasswordException refused(String user, String password) {
        return catchThrowableOfType(WeakAdminPasswordException.class, () -> AdminAccount.check(user, password));
    }

    private static String startupMessage(WeakAdminPasswordException refused) {
        assertThat(refused).isNotNull();
        return new WeakAdminPasswordFailureAnalyzer().analyze(refused, refused).getDescription();
    }
}
