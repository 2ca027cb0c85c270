package io.rollout.tasksheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.WebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page of the task forms' iframe is served, and Tasklist's form library lets an iframe show it: served with
 * the check that accepts {@code /task-sheet/}, cached by its own validator, never answered 304 for a copy a browser
 * kept from before. Fails when a Camunda upgrade changes the library and the change no longer applies.
 */
@WebTest
class TaskSheetPageTests {

    @LocalServerPort
    int port;

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
