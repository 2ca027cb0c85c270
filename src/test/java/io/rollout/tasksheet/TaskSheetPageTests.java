package io.rollout.tasksheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page of the task forms' iframe is served, and Tasklist's form library lets an iframe show it: served with
 * the check that accepts {@code /task-sheet/}, cached by its own validator, never answered 304 for a copy a browser
 * kept from before. Fails when a Camunda upgrade changes the library and the change no longer applies.
 */
@WebTest
class TaskSheetPageTests {

    static final String PASSWORD = "sheet-Secret-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageOfTheFormsIframeIsServed() throws Exception {
        HttpResponse<String> page = get("/task-sheet/", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"task-sheet.js\"></script>", "id=\"file\"", "id=\"download\"");
        assertThat(get("/task-sheet/task-sheet.js", null, null).body())
                .contains("/api/tasks/", "X-XSRF-TOKEN", "camunda-form:");
    }

    @Test
    void thePagesTextsComeInTheReadersLanguage() throws Exception {
        TestUsers.ensure(identity, "sheetreader", PASSWORD, Roles.KEY_USER);
        JsonNode chinese = texts(Http.as(port, "sheetreader", PASSWORD).header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertThat(chinese.path("language").asText()).isEqualTo("zh-CN");
        assertThat(chinese.path("texts").path("tasksheet.download").asText()).isEqualTo("下载为 Excel");
        assertThat(chinese.path("texts").path("tasksheet.refused").asText()).isEqualTo("{0} 未载入，没有任何修改：");
        assertThat(chinese.path("texts").has("audit.heading")).isFalse();

        JsonNode english = texts(Http.as(port, "sheetreader", PASSWORD).header("Accept-Language", "en-US,en;q=0.9"));
        assertThat(english.path("language").asText()).isEqualTo("en");
        assertThat(english.path("texts").path("tasksheet.download").asText()).isEqualTo("Download as Excel");
        // the remembered choice (its cookie) wins over the browser's language
        JsonNode chosen = texts(Http.as(port, "sheetreader", PASSWORD)
                .header("Accept-Language", "en-US")
                .header("Cookie", "rollout-language=zh-CN"));
        assertThat(chosen.path("texts").path("tasksheet.upload").asText()).isEqualTo("上传 Excel 或 CSV");

        assertThat(Http.as(port, "sheetreader", PASSWORD)
                        .get("/api/pages/nosuchpage/texts")
                        .statusCode())
                .isEqualTo(404);
    }

    private JsonNode texts(Http http) throws Exception {
        HttpResponse<String> response = http.get("/api/pages/tasksheet/texts");
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void tasklistsFormLibraryLetsAnIframeShowTheTaskSheetPage() throws Exception {
        HttpResponse<String> script = get(TasklistSheetFrame.SCRIPT + "?bust=7.24.0", null, null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains(TasklistSheetFrame.FIXED).doesNotContain(TasklistSheetFrame.ORIGINAL);
        assertThat(script.headers().firstValueAsLong("Content-Length").orElseThrow())
                .isEqualTo(script.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(script.headers().firstValue("Last-Modified")).isEmpty();
        String etag = script.headers().firstValue("ETag").orElseThrow();

        assertThat(get(TasklistSheetFrame.SCRIPT, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        // a copy cached before the change: its date does not make it current
        HttpResponse<String> older =
                get(TasklistSheetFrame.SCRIPT, "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT");
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).contains(TasklistSheetFrame.FIXED);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
