package io.rollout.identity;

import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code demo} profile the only account Rollout creates is the administrator named by
 * {@code ROLLOUT_ADMIN_USER} with the password from {@code ROLLOUT_ADMIN_PASSWORD}; under the
 * {@code ldap} profile none at all (the directory's members of {@code camunda-admin} administer). The application
 * refuses to start when that password is missing, short or a well-known default, because an
 * installation reachable with {@code admin/admin} is an open door to every project's data.
 */
@Component
@Profile("!demo")
@Order(20)
class AdminAccount implements ApplicationRunner {

    static final int MIN_LENGTH = 12;
    static final Set<String> KNOWN_DEFAULTS = Set.of(
            "admin",
            "administrator",
            "demo",
            "camunda",
            "password",
            "passw0rd",
            "password1",
            "password123",
            "changeme",
            "change-me",
            "changeit",
            "secret",
            "rollout",
            "root",
            "test",
            "qwerty",
            "letmein",
            "welcome",
            "123456",
            "12345678",
            "123456789",
            "1234567890",
            "admin123",
            "adminadmin",
            "camunda-admin",
            "default");

    private final IdentityService identity;
    private final String userId;
    private final String password;

    AdminAccount(
            IdentityService identity,
            @Value("${rollout.admin.user}") String userId,
            @Value("${rollout.admin.password:}") String password) {
        this.identity = identity;
        this.userId = userId;
        this.password = password;
        // with users from a directory (profile ldap) the administrators are its members of camunda-admin
        if (!identity.isReadOnly()) {
            check(userId, password);
        }
    }

    /** Throws {@link WeakAdminPasswordException} when the password must not be used. */
    static void check(String userId, String password) {
        if (password == null || password.isBlank()) {
            throw new WeakAdminPasswordException("security.adminPassword.missing", null);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (KNOWN_DEFAULTS.contains(lower) || lower.equals(userId.toLowerCase(Locale.ROOT))) {
            throw new WeakAdminPasswordException("security.adminPassword.weak", "a known default");
        }
        if (password.length() < MIN_LENGTH) {
            throw new WeakAdminPasswordException(
                    "security.adminPassword.weak", "shorter than " + MIN_LENGTH + " characters");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.isReadOnly()) {
            return;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName("Rollout");
            user.setLastName("Administrator");
            user.setPassword(password);
            identity.saveUser(user);
        } else if (!identity.checkPassword(userId, password)) {
            // the environment is the source of truth for the admin password
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Roles.ADMIN).count() == 0) {
            identity.createMembership(userId, Roles.ADMIN);
        }
    }
}
