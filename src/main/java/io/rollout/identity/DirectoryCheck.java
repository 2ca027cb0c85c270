package io.rollout.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Under the {@code ldap} profile, tells the operator at start which of Rollout's role and department
 * groups the directory lacks and whether anyone is in {@code camunda-admin}: Rollout cannot create them
 * there, and a missing group means its tasks reach nobody. A directory that cannot be reached is
 * logged and does not stop the start: logins fail until it is back.
 */
@Component
@Profile("ldap")
@Order(15)
class DirectoryCheck implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCheck.class);

    private final IdentityService identity;
    private final List<String> departments;

    DirectoryCheck(IdentityService identity, @Value("${rollout.departments}") List<String> departments) {
        this.identity = identity;
        this.departments = departments;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            List<String> expected = new ArrayList<>(Roles.ALL);
            departments.forEach(d -> expected.add(Roles.departmentGroup(d)));
            Set<String> found = identity.createGroupQuery().groupIdIn(expected.toArray(String[]::new)).list().stream()
                    .map(Group::getId)
                    .collect(Collectors.toSet());
            List<String> missing =
                    expected.stream().filter(id -> !found.contains(id)).toList();
            if (!missing.isEmpty()) {
                LOG.warn("The directory has no group for these Rollout roles and departments: {}", missing);
            }
            if (identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() == 0) {
                LOG.warn("No directory user is in the group {}: nobody can administer Rollout", Roles.ADMIN);
            }
        } catch (RuntimeException e) {
            LOG.warn("The directory could not be read at start: {}", e.getMessage());
        }
    }
}
