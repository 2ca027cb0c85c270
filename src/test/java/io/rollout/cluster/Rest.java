package io.rollout.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** HTTP with basic authentication against one node, JSON in and out. */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Node node;
    private final String authorization;

    Rest(Node node, String user, String password) {
        this.node = node;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An answer: status and body, with the node that gave it. */
    record Response(Node node, int status, String body) {

        Object json() {
            try {
                return body.isBlank() ? null : JSON.readValue(body, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON from " + node + " (" + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json();
        }

        /** The body of a successful answer; fails naming the node, status and body otherwise. */
        Response ok() {
            if (status < 200 || status > 299) {
                throw new IllegalStateException(node + " answered " + status + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return node.name + " " + status + " " + body;
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
    }

    Response put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
    }

    /** A multipart upload with one part {@code file}, as a browser or curl -F sends it. */
    Response upload(String path, String fileName, byte[] content) {
        return upload(path, fileName, BodyPublishers.ofByteArray(content));
    }

    /** The same, streaming a (large) file from disk. */
    Response upload(String path, Path file) {
        try {
            return upload(path, file.getFileName().toString(), BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response upload(String path, String fileName, HttpRequest.BodyPublisher content) {
        String boundary = "----rollout-cluster-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(
                        BodyPublishers.ofByteArray(head), content, BodyPublishers.ofByteArray(tail))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(node.url(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(node, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(node + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
