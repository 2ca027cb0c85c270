package io.rollout.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates a user with a password and role groups once; the web tests share one context. */
final class TestUsers {

    private TestUsers() {
    }

    static void ensure(IdentityService identity, String id, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Test");
        user.setPassword(password);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }
}
