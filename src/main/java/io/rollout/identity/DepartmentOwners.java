package io.rollout.identity;

import io.rollout.shared.ForModels;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The business owners of a department: members of both {@code business-owner} and
 * {@code dept-<department>}. Used as candidate users of the per-department approval in
 * {@code requirementsPhase} ({@code camunda:candidateUsers="${departmentOwners.of(department)}"}),
 * and checked when a project is registered so that no approval task is left without an owner.
 */
@ForModels
@Component("departmentOwners")
public class DepartmentOwners {

    private final IdentityService identity;

    DepartmentOwners(IdentityService identity) {
        this.identity = identity;
    }

    /** User ids of the department's business owners, sorted; empty when there are none. */
    public List<String> of(String department) {
        return withoutAuthorization(() -> {
            Set<String> owners = ids(Roles.BUSINESS_OWNER);
            return ids(Roles.departmentGroup(department)).stream()
                    .filter(owners::contains)
                    .sorted()
                    .toList();
        });
    }

    /** True when the user is a business owner of the department. */
    public boolean isOwner(String userId, String department) {
        return userId != null && of(department).contains(userId);
    }

    private Set<String> ids(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getId)
                .collect(Collectors.toSet());
    }

    // Inside the engine (a listener or an expression) the user who completes a task may not read
    // every user; the ownership rule must not depend on who happens to trigger it.
    private static <T> T withoutAuthorization(java.util.concurrent.Callable<T> work) {
        try {
            return Context.getCommandContext() != null
                    ? Context.getCommandContext().runWithoutAuthorization(work)
                    : work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
