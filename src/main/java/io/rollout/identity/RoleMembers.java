package io.rollout.identity;

import io.rollout.shared.ForModels;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The people of a role, for forms that assign work to people (the key user who tests a case, the developer who
 * fixes a defect, the owner of a milestone): {@link #choices} offers them by display name in a form's select
 * ({@code valuesKey}), {@link #isIn} checks a submitted id. Inside the engine the user completing the form may
 * not be allowed to read other users: the check is the application's, so it runs without the engine's
 * authorization.
 */
@ForModels
@Component
public class RoleMembers {

    private final IdentityService identity;

    RoleMembers(IdentityService identity) {
        this.identity = identity;
    }

    /** True when the user exists and is a member of the group. */
    public boolean isIn(String userId, String group) {
        return userId != null
                && call(() -> identity.createUserQuery()
                                .userId(userId)
                                .memberOfGroup(group)
                                .count()
                        > 0);
    }

    /** True when a user with this id exists. */
    public boolean exists(String userId) {
        return userId != null
                && call(() -> identity.createUserQuery().userId(userId).count() > 0);
    }

    /**
     * The users who may be chosen: members of any of the groups, and of the department's group
     * {@code dept-<department>} when a department is given; as select options {@code {label, value}} with the
     * label "First Last (id)", sorted by label. Prefill them as a task variable ({@code JsonRows.of}) and name
     * that variable as the select's {@code valuesKey}.
     */
    public List<Map<String, Object>> choices(Collection<String> groups, String department) {
        return call(() -> {
            Map<String, User> users = new TreeMap<>();
            for (String group : groups) {
                identity.createUserQuery().memberOfGroup(group).list().forEach(u -> users.put(u.getId(), u));
            }
            if (department != null) {
                Set<String> inDepartment =
                        identity.createUserQuery().memberOfGroup(Roles.departmentGroup(department)).list().stream()
                                .map(User::getId)
                                .collect(Collectors.toSet());
                users.keySet().retainAll(inDepartment);
            }
            return users.values().stream()
                    .map(u -> Map.<String, Object>of("label", label(u), "value", u.getId()))
                    .sorted(Comparator.comparing(m -> m.get("label").toString()))
                    .toList();
        });
    }

    /** The name a person is shown by: "First Last", or the id when the user has no name or does not exist. */
    public String displayName(String userId) {
        if (userId == null) {
            return "";
        }
        User user = call(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : name(user);
    }

    private static String label(User user) {
        String name = name(user);
        return name.equals(user.getId()) ? name : name + " (" + user.getId() + ")";
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .trim();
        return name.isEmpty() ? user.getId() : name;
    }

    private static <T> T call(Callable<T> query) {
        try {
            return Context.getCommandContext() == null
                    ? query.call()
                    : Context.getCommandContext().runWithoutAuthorization(query);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
