package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class RoleMembersTests {

    @Autowired
    RoleMembers members;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void people() {
        person("pickqa", "Mei", "Qian", Roles.KEY_USER, Roles.departmentGroup("quality"));
        person("pickqb", "Gang", "Ai", Roles.KEY_USER, Roles.departmentGroup("hr"));
        person("pickqc", "Bo", "Bai", Roles.DEVELOPER, Roles.departmentGroup("quality"));
    }

    @Test
    void choicesOfferTheUsersOfTheRoleInTheDepartmentByDisplayName() {
        List<Map<String, Object>> choices = members.choices(List.of(Roles.KEY_USER, Roles.DEVELOPER), "quality");

        assertThat(choices)
                .extracting(c -> c.get("label"), c -> c.get("value"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bo Bai (pickqc)", "pickqc"),
                        org.assertj.core.groups.Tuple.tuple("Mei Qian (pickqa)", "pickqa"));
    }

    @Test
    void choicesWithoutADepartmentOfferEveryMemberOfTheRole() {
        assertThat(members.choices(List.of(Roles.KEY_USER), null))
                .extracting(c -> c.get("value"))
                .contains("pickqa", "pickqb")
                .doesNotContain("pickqc");
    }

    @Test
    void displayNameIsTheNameOrTheIdOfAnUnknownUser() {
        assertThat(members.displayName("pickqa")).isEqualTo("Mei Qian");
        assertThat(members.displayName("nobody-here")).isEqualTo("nobody-here");
    }

    private void person(String id, String first, String last, String... groups) {
        TestUsers.ensure(identity, id, "pick-Secret-2026", groups);
        User user = identity.createUserQuery().userId(id).singleResult();
        user.setFirstName(first);
        user.setLastName(last);
        identity.saveUser(user);
    }
}
