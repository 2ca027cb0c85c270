package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist is served with both corrections of {@link TasklistFormFixes}: forms with dynamic lists enable
 * Complete when their rows are valid, and lists replacing a {@code Null} variable are submitted as Json.
 * Fails when a Camunda upgrade changes the script and a fix no longer applies. What the user sees is
 * covered by the browser journeys.
 */
@WebTest
class TasklistFormFixesTests {

    @LocalServerPort
    int port;

    @Test
    void tasklistScriptIsServedWithEveryFix() throws Exception {
        HttpResponse<String> script = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + TasklistFormFixes.SCRIPT))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(script.statusCode()).isEqualTo(200);
        for (PatchedScript.Fix fix : TasklistFormFixes.FIXES) {
            assertThat(script.body()).as(fix.name()).contains(fix.fixed()).doesNotContain(fix.original());
        }
        assertThat(script.headers()
                        .firstValueAsLong("Content-Length")
                        .orElse(script.body().length()))
                .isEqualTo(script.body().getBytes(StandardCharsets.UTF_8).length);
    }
}
