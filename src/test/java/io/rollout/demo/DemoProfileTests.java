package io.rollout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile shows the reference case, a Chinese manufacturer, in Chinese: its people by their Chinese names
 * (ids stay ASCII), its groups and departments by Chinese names, its project and company as the customer writes them.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DemoProfileTests {

    // a name of Chinese characters only; "IT" is the one abbreviation a group name keeps (IT 运维)
    static final String CHINESE = "(IT )?\\p{IsHan}+";

    @Autowired
    IdentityService identity;

    @Autowired
    RoleMembers members;

    @Autowired
    ProjectRepository projects;

    @Test
    void demoPeopleReadByTheirChineseNamesFamilyNameFirst() {
        Map<String, String> people = Map.of(
                "zhangwei", "张伟",
                "liuyang", "刘洋",
                "chenjing", "陈静",
                "zhaomin", "赵敏",
                "sunli", "孙丽",
                "linfeng", "林峰",
                "majie", "马杰",
                "zhoutao", "周涛");
        people.forEach((id, name) -> {
            User user = identity.createUserQuery().userId(id).singleResult();
            // Tasklist and Admin print "firstName lastName": the whole name in the first, and an empty (not null) last
            assertThat(user.getFirstName()).as(id).isEqualTo(name);
            assertThat(user.getLastName()).as(id).isEmpty();
            assertThat(members.displayName(id)).as(id).isEqualTo(name);
        });
        assertThat(members.choices(List.of(Roles.BUSINESS_OWNER), "finance"))
                .containsExactly(Map.of("label", "赵敏 (zhaomin)", "value", "zhaomin"));
    }

    @Test
    void everyDemoUserHasAChineseNameAndAnAsciiId() {
        List<User> users = identity.createUserQuery().list();

        assertThat(users).hasSizeGreaterThanOrEqualTo(17).allSatisfy(user -> {
            assertThat(user.getId()).matches("[a-z]+");
            assertThat(user.getFirstName()).as(user.getId()).matches(CHINESE);
        });
    }

    @Test
    void rolesAndDepartmentsAreNamedInChineseWithTheirIdsKept() {
        for (String role : Roles.ALL) {
            Group group = identity.createGroupQuery().groupId(role).singleResult();
            assertThat(group.getName()).as(role).matches(CHINESE);
        }
        assertThat(identity.createGroupQuery()
                        .groupId(Roles.BUSINESS_OWNER)
                        .singleResult()
                        .getName())
                .isEqualTo("业务负责人");
        assertThat(identity.createGroupQuery()
                        .groupId(Roles.KEY_USER)
                        .singleResult()
                        .getName())
                .isEqualTo("种子用户");
        assertThat(identity.createGroupQuery()
                        .groupId(Roles.STEERING_COMMITTEE)
                        .singleResult()
                        .getName())
                .isEqualTo("指导委员会");
        assertThat(List.of("procurement", "warehouse", "finance"))
                .extracting(d -> identity.createGroupQuery()
                        .groupId(Roles.departmentGroup(d))
                        .singleResult()
                        .getName())
                .containsExactly("采购部", "仓储部", "财务部");
    }

    @Test
    void theProjectIsTheChineseManufacturersPhaseOne() {
        Project project = projects.find(DemoProject.CODE).orElseThrow();

        assertThat(project.name()).isEqualTo("ERP一期：采购与库存管理");
        assertThat(project.customer()).isEqualTo("华东精密制造有限公司");
        assertThat(project.departments()).containsExactlyInAnyOrder("procurement", "warehouse", "finance");
        assertThat(project.createdBy()).isEqualTo("zhangwei");
    }
}
