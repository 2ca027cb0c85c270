package io.rollout.planning;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/** Whether a user id names a Rollout user: owners of milestones, risks and mitigation actions must. */
@Component
class Users {

    private final IdentityService identity;

    Users(IdentityService identity) {
        this.identity = identity;
    }

    boolean exist(String userId) {
        Callable<Boolean> query = () -> identity.createUserQuery().userId(userId).count() > 0;
        CommandContext context = Context.getCommandContext();
        try {
            // the user completing the form may not be allowed to read other users; the check is ours, not theirs
            return context == null ? query.call() : context.runWithoutAuthorization(query);
        } catch (Exception e) {
            throw new IllegalStateException("cannot look up user " + userId, e);
        }
    }
}
