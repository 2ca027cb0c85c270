package io.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartTests {

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Test
    void deploysModelsAndFormsFromTopLevelFolders() {
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("implementationProject")
                        .count())
                .isEqualTo(1);
        String deploymentId = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("implementationProject")
                .singleResult()
                .getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deploymentId)).anyMatch(n -> n.endsWith("start-project.form"));
    }

    @Test
    void createsEveryRoleGroupAndNoDemoUsersWithoutDemoProfile() {
        for (String role : Roles.ALL) {
            assertThat(identity.createGroupQuery().groupId(role).count())
                    .as(role)
                    .isEqualTo(1);
        }
        assertThat(identity.createUserQuery().userId("zhangwei").count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).list())
                .extracting("id")
                .containsExactly("admin");
    }
}
