package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist is served with the form validation check that counts real errors, so forms with a dynamic
 * list (requirements, test results, attendance...) can be completed. Fails when a Camunda upgrade
 * changes the script and the fix no longer applies.
 */
@WebTest
class TasklistDynamicListFixTests {

    @LocalServerPort
    int port;

    @Test
    void tasklistScriptCountsOnlyRealFormErrors() throws Exception {
        HttpResponse<String> script = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + TasklistDynamicListFix.SCRIPT)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains(TasklistDynamicListFix.FIXED).doesNotContain(TasklistDynamicListFix.ORIGINAL);
        assertThat(script.headers().firstValueAsLong("Content-Length").orElse(script.body().length()))
            .isEqualTo(script.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
