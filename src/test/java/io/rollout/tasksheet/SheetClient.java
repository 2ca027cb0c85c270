package io.rollout.tasksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The task sheet endpoints as a client sees them: a REST client with basic auth, or the browser of a user logged in
 * to Tasklist (session cookie, and the CSRF token only when the page sends it), with binary bodies both ways.
 */
final class SheetClient {

    private final String base;
    private final String authorization;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String language;
    private String csrfToken;
    private boolean sendCsrfToken;

    private SheetClient(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static SheetClient basic(int port, String user, String password) {
        return new SheetClient(port, user, password);
    }

    /**
     * Logs in to Tasklist as its login page does (CSRF token first, then the login form, then a read that hands out
     * the new session's token). Later requests send the session cookie; the token only after {@link #withCsrfToken}.
     */
    static SheetClient tasklistSession(int port, String user, String password) {
        SheetClient session = new SheetClient(port, null, null);
        session.sendCsrfToken = true;
        session.send("GET", "/camunda/app/tasklist/default/", null, null);
        HttpResponse<byte[]> login = session.send(
                "POST",
                "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded",
                ("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
        session.sendCsrfToken = false;
        return session;
    }

    /** Sends the session's CSRF token in {@code X-XSRF-TOKEN} from now on, as the page inside Tasklist does. */
    SheetClient withCsrfToken() {
        sendCsrfToken = true;
        return this;
    }

    /** Sends the given token instead of the session's, as a forged request would. */
    SheetClient withCsrfToken(String token) {
        csrfToken = token;
        sendCsrfToken = true;
        return this;
    }

    SheetClient language(String acceptLanguage) {
        language = acceptLanguage;
        return this;
    }

    HttpResponse<byte[]> download(String taskId) {
        return send("GET", "/api/tasks/" + taskId + "/sheet.xlsx", null, null);
    }

    HttpResponse<byte[]> upload(String taskId, String fileName, byte[] file) {
        String boundary = "----rollout-sheet" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                "POST",
                "/api/tasks/" + taskId + "/sheet",
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        String token = csrfToken != null ? csrfToken : sessionToken();
        if (sendCsrfToken && token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            return client.send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String sessionToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElse(null);
    }
}
