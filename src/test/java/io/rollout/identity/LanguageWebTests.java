package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each person reads Rollout in their language at the same time as others read it in theirs: the choice remembered
 * for the user outranks the browser, and the engine's answers (task names, forms) come translated for a Chinese
 * reader while an English reader gets them as stored.
 */
@WebTest
class LanguageWebTests {

    static final String CONSULTANT = "langconsultant";
    static final String OWNER = "langowner";
    static final String PASSWORD = "lang-Secret-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ProjectRepository projects;

    final ObjectMapper json = new ObjectMapper();
    ProcessInstance requirements;

    @AfterEach
    void cleanUp() {
        if (requirements != null) {
            runtime.deleteProcessInstance(requirements.getId(), "test");
        }
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.CONSULTANT);
        Http.as(port, OWNER, PASSWORD).put("/api/me/language", "{\"language\":null}");
    }

    @Test
    void aRememberedChoiceOutranksTheBrowserOnEveryDevice() throws Exception {
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.CONSULTANT);
        Http laptop = Http.as(port, OWNER, PASSWORD).header("Accept-Language", "en-GB,en;q=0.8");
        assertThat(language(laptop).path("effective").asText()).isEqualTo("en");
        assertThat(language(laptop).path("language").isNull()).isTrue();

        HttpResponse<String> chosen = laptop.put("/api/me/language", "{\"language\":\"zh-CN\"}");

        assertThat(chosen.statusCode()).as(Http.describe(chosen)).isEqualTo(204);
        assertThat(chosen.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("rollout-language=zh-CN"));
        Http phone = Http.as(port, OWNER, PASSWORD).header("Accept-Language", "en-US");
        assertThat(language(phone).path("effective").asText()).isEqualTo("zh-CN");
        assertThat(language(phone).path("language").asText()).isEqualTo("zh-CN");

        laptop.put("/api/me/language", "{\"language\":null}");
        assertThat(language(Http.as(port, OWNER, PASSWORD).header("Accept-Language", "zh-TW,en;q=0.5"))
                        .path("effective")
                        .asText())
                .as("without a choice, the browser's first language Rollout speaks")
                .isEqualTo("zh-CN");
        assertThat(language(Http.as(port, OWNER, PASSWORD).header("Accept-Language", "fr-FR,de;q=0.9"))
                        .path("effective")
                        .asText())
                .as("a browser asking only for languages Rollout does not speak gets rollout.language")
                .isEqualTo("en");
    }

    @Test
    void anUnknownLanguageIsRefusedNamingItAndNothingChanges() throws Exception {
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.CONSULTANT);
        Http owner = Http.as(port, OWNER, PASSWORD).header("Accept-Language", "en");

        HttpResponse<String> refused = owner.put("/api/me/language", "{\"language\":\"fr\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("fr").contains("zh-CN");
        assertThat(language(owner).path("language").isNull()).isTrue();
    }

    @Test
    void withoutALoginNoLanguageIsToldOrStored() {
        assertThat(Http.anonymous(port).get("/api/me/language").statusCode()).isEqualTo(401);
        assertThat(Http.anonymous(port)
                        .put("/api/me/language", "{\"language\":\"zh-CN\"}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aChineseAndAnEnglishReaderSeeTheSameTaskInTheirLanguages() throws Exception {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        requirements = runtime.startProcessInstanceByKey("requirementsPhase", code, Map.of("projectCode", code));
        Task interview = tasks.createTaskQuery()
                .processInstanceId(requirements.getId())
                .taskDefinitionKey("UserTask_InterviewDepartment")
                .singleResult();
        Http chinese = Http.as(port, CONSULTANT, PASSWORD).header("Accept-Language", "zh-CN");
        Http english = Http.as(port, CONSULTANT, PASSWORD).header("Accept-Language", "en");

        String inChinese = json.readTree(
                        chinese.get("/engine-rest/task/" + interview.getId()).body())
                .path("name")
                .asText();
        String inEnglish = json.readTree(
                        english.get("/engine-rest/task/" + interview.getId()).body())
                .path("name")
                .asText();

        assertThat(inEnglish).isEqualTo(interview.getName()).contains("Finance");
        assertThat(inChinese).contains("财务部").doesNotContainPattern("[A-Za-z]{3,}");
        JsonNode form = json.readTree(chinese.get("/engine-rest/task/" + interview.getId() + "/deployed-form")
                .body());
        assertThat(form.findValuesAsText("label")).isNotEmpty().allMatch(l -> !l.matches(".*[A-Za-z]{4,}.*"));
        JsonNode englishForm = json.readTree(english.get("/engine-rest/task/" + interview.getId() + "/deployed-form")
                .body());
        assertThat(englishForm.findValuesAsText("label")).anyMatch(l -> l.matches(".*[A-Za-z]{4,}.*"));
    }

    @Test
    void theEmbeddedUploadFormIsServedInTheReadersLanguage() {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        String form = "/forms/embedded/upload-extract.html";

        HttpResponse<String> chinese = Http.as(port, CONSULTANT, PASSWORD)
                .header("Accept-Language", "zh-CN")
                .get(form);
        HttpResponse<String> english = Http.as(port, CONSULTANT, PASSWORD)
                .header("Accept-Language", "en")
                .get(form);

        assertThat(english.body()).contains(">Upload the extract<").contains("cam-variable-name");
        assertThat(chinese.body()).doesNotContain("Upload the extract").contains("cam-variable-name");
        assertThat(chinese.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    private JsonNode language(Http http) throws Exception {
        HttpResponse<String> answer = http.get("/api/me/language");
        assertThat(answer.statusCode()).as(Http.describe(answer)).isEqualTo(200);
        return json.readTree(answer.body());
    }
}
