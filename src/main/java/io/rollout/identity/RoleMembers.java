package io.rollout.identity;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Whether a user id names a user of a role, for forms that assign work to people (the key user who tests a
 * case, the developer who fixes a defect). Inside the engine the user completing the form may not be allowed
 * to read other users: the check is the application's, so it runs without the engine's authorization.
 */
@Component
public class RoleMembers {

    private final IdentityService identity;

    RoleMembers(IdentityService identity) {
        this.identity = identity;
    }

    /** True when the user exists and is a member of the group. */
    public boolean isIn(String userId, String group) {
        return userId != null && call(() -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
    }

    /** True when a user with this id exists. */
    public boolean exists(String userId) {
        return userId != null && call(() -> identity.createUserQuery().userId(userId).count() > 0);
    }

    private static <T> T call(Callable<T> query) {
        try {
            return Context.getCommandContext() == null ? query.call()
                : Context.getCommandContext().runWithoutAuthorization(query);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
