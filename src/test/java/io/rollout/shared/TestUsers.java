package io.rollout.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates a user with a password and groups once: the tests share one database per context. */
public final class TestUsers {

    private TestUsers() {}

    public static void ensure(IdentityService identity, String id, String password, String... groups) {
        person(identity, id, id, "Test", password, groups);
    }

    /** A user with a name, as the pickers show people ("Li Sun (sunli)"); created once. */
    public static void person(
            IdentityService identity, String id, String firstName, String lastName, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(password);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }
}
