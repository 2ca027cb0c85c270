package io.rollout.identity;

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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A raw HTTP client for the web tests: paths and query strings go out exactly as written (no URI
 * templates that would swallow {@code ${...}}), optionally with basic auth or a webapp session.
 */
public final class Http {

    private final String base;
    private final String authorization;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String xsrfToken;
    private String acceptLanguage;
    private String accept = "application/json, text/plain, */*";
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();
    private boolean sendXsrfToken = true;
    private String forgedXsrfToken;
    private Duration timeout = Duration.ofSeconds(30);

    private Http(int port, String user, String password) {
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

    public static Http as(int port, String user, String password) {
        return new Http(port, user, password);
    }

    public static Http anonymous(int port) {
        return new Http(port, null, null);
    }

    /**
     * Logs in to Tasklist as the webapps do: fetch the CSRF token, post the login form, and send
     * the token with every later modifying request.
     */
    public static Http webappSession(int port, String user, String password) {
        return webappSession(port, user, password, "tasklist");
    }

    /** Logs in to one of the web apps ({@code tasklist}, {@code cockpit}, {@code admin}) as {@link #webappSession} does. */
    public static Http webappSession(int port, String user, String password, String app) {
        Http http = new Http(port, null, null);
        http.send("GET", "/camunda/app/" + app + "/default/", null, null);
        HttpResponse<String> login = http.send(
                "POST",
                "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded",
                "username=" + enc(user) + "&password=" + enc(password));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        }
        // the login starts a new session: a GET hands out the CSRF token of that session
        http.send("GET", "/camunda/api/admin/auth/user/default", null, null);
        return http;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, null);
    }

    public HttpResponse<String> postMultipart(
            String path, Map<String, String> textParts, String fileName, String file) {
        String boundary = "----rollout" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        textParts.forEach((name, value) -> text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"data\"; filename=\"")
                .append(fileName)
                .append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n")
                .append(file)
                .append("\r\n")
                .append("--")
                .append(boundary)
                .append("--\r\n");
        body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toString(StandardCharsets.UTF_8));
    }

    /** A multipart request with several files, as Camunda Modeler deploys a diagram together with its forms. */
    public HttpResponse<String> postFiles(String path, Map<String, String> textParts, Map<String, String> files) {
        String boundary = "----rollout" + System.nanoTime();
        StringBuilder text = new StringBuilder();
        textParts.forEach((name, value) -> text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        files.forEach((fileName, file) -> text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(fileName)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n")
                .append(file)
                .append("\r\n"));
        text.append("--").append(boundary).append("--\r\n");
        return send("POST", path, "multipart/form-data; boundary=" + boundary, text.toString());
    }

    /** A POST as Tasklist sends it for a filter's task list: answered as HAL, with the filter's variables embedded. */
    public HttpResponse<String> postHal(String path, String json) {
        String before = accept;
        accept = "application/hal+json";
        try {
            return post(path, json);
        } finally {
            accept = before;
        }
    }

    public HttpResponse<String> sendLocalized(String language, String path, String json) {
        language = language.trim();
        acceptLanguage = language;
        try {
            return post(path, json);
        } finally {
            acceptLanguage = null;
        }
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .method(
                        method,
                        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        String token = forgedXsrfToken != null ? forgedXsrfToken : xsrfToken;
        if (token != null && sendXsrfToken) {
            request.header("X-XSRF-TOKEN", token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrfToken = t);
            cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .ifPresent(t -> xsrfToken = t);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String describe(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body() + " "
                + response.headers().map().entrySet().stream()
                        .map(Object::toString)
                        .collect(Collectors.joining(", "));
    }

    /** Sends the header with every later request, as a browser adds {@code Origin} or {@code Sec-Fetch-Site}. */
    public Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends no {@code X-XSRF-TOKEN} from now on: only the cookie, as another site can make a browser send it. */
    public Http withoutCsrfToken() {
        sendXsrfToken = false;
        return this;
    }

    /** Sends the given token instead of the session's, as a forged request would; {@code null}: the session's again. */
    public Http withCsrfToken(String token) {
        forgedXsrfToken = token;
        sendXsrfToken = true;
        return this;
    }

    /** The CSRF token of the web apps' session, as Camunda handed it out at login. */
    public String csrfToken() {
        return xsrfToken;
    }

    /** Waits this long for each later answer (30 s unless set): for an answer the server builds on first use. */
    public Http timeout(Duration wait) {
        timeout = wait;
        return this;
    }
}
