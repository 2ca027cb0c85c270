package io.rollout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestTranslations;
import io.rollout.shared.Translations;
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
 * (ids stay ASCII), its groups and departments in the reader's language, its project and company as the customer
 * writes them.
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
    void rolesAndDepartmentsReadInTheReadersLanguageWithTheirIdsKept() {
        Translations translations = TestTranslations.chinese();
        for (String role : Roles.ALL) {
            Group group = identity.createGroupQuery().groupId(role).singleResult();
            // PMO and IT are the abbreviations a Chinese team writes in Latin letters too (PMO / 项目经理, IT 运维)
            assertThat(translations.text(group.getName(), Translations.CHINESE).replaceAll("\\b(PMO|IT)\\b", ""))
                    .as(role)
                    .containsPattern("\\p{IsHan}")
                    .doesNotContainPattern("[A-Za-z]");
        }
        assertThat(List.of(Roles.BUSINESS_OWNER, Roles.KEY_USER, Roles.STEERING_COMMITTEE))
                .extracting(role ->
                        identity.createGroupQuery().groupId(role).singleResult().getName())
                .containsExactly("Business owners", "Key users", "Steering committee")
                .extracting(name -> translations.text(name, Translations.CHINESE))
                .containsExactly("业务负责人", "种子用户", "指导委员会");
        assertThat(List.of("procurement", "warehouse", "finance"))
                .extracting(d -> identity.createGroupQuery()
                        .groupId(Roles.departmentGroup(d))
                        .singleResult()
                        .getName())
                .containsExactly("Department: Procurement", "Department: Warehouse", "Department: Finance")
                .extracting(name -> translations.text(name, Translations.CHINESE))
                .containsExactly("部门：采购部", "部门：仓储部", "部门：财务部");
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
