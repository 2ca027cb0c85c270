package io.rollout.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that keeps a task's completion to its form (issue 19, separation of duties): the variables sent with
 * {@code complete}, {@code submit-form} or {@code resolve} of a task — through the engine REST API or the web apps'
 * engine API — must be fields of the task's form, and those sent with a process's {@code start} or
 * {@code submit-form} fields of its start form. The form's complete listener validates exactly those fields;
 * anything else (a department that decides who signs off, the project a gate checks, a gateway's decision) would
 * reach the process unvalidated. Throwing a BPMN error or escalation at a task ({@code bpmnError},
 * {@code bpmnEscalation}) is refused outright: it ends the task without its form, and with no boundary event the
 * branch simply ends, a gate skipped. So is a start that skips what the start form's listener checks or begins
 * further in the model ({@code startInstructions}, {@code skipCustomListeners}, {@code skipIoMappings}) and a
 * {@code restart} of finished instances (which takes the same instructions): with nothing more than the right to
 * start a project, they would begin it after its gates. A {@code claim} names its user, and the engine lets anyone
 * who may work on the task name any user: a claim is only for the user who sends it.
 *
 * <p>Plain class: path matching, reading the variable names of a request body, and reading the field names of a
 * form (a Camunda Form's JSON or an embedded HTML form). {@link TaskFormFields} finds a task's form in the engine.
 */
final class TaskCompletionGuard {

    /** What a guarded request does. */
    enum Action {
        /** Completes (or resolves) a task with variables: they must be fields of its form. */
        COMPLETE,
        /** Throws a BPMN error or escalation at a task: refused. */
        THROW,
        /** Starts a process: its variables must be fields of the start form, and it starts at its start event. */
        START,
        /** Restarts finished instances of a process anywhere in the model, listeners skipped: refused. */
        RESTART,
        /** Claims a task: for the user who claims it, never for someone else. */
        CLAIM,
        /**
         * Gives a task back: its assignee may, although the task permission {@code TASK_WORK} does not cover it (the
         * engine asks {@code TASK_ASSIGN}, which would also let a candidate hand the task to anyone).
         */
        UNCLAIM
    }

    /**
     * A guarded request: what it does, and to what — a task id, or a process definition by {@code definitionId} or
     * by {@code definitionKey} (and {@code tenantId}).
     */
    record Target(Action action, String taskId, String definitionId, String definitionKey, String tenantId) {

        static Target task(String taskId, Action action) {
            return new Target(action, taskId, null, null, null);
        }
    }

    /**
     * What a start or completion body asks for: the names of its {@code variables}, and whether it skips what a start
     * form's start listener checks ({@code startInstructions}, {@code skipCustomListeners}, {@code skipIoMappings}).
     */
    record Body(Set<String> variables, boolean skips) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern CREATED_VARIABLE =
            Pattern.compile("createVariable\\(\\s*\\{[^}]*?name\\s*:\\s*[\"']([^\"']+)[\"']");

    private final List<List<String>> roots;

    /**
     * @param restPath   the engine REST API's path, e.g. {@code /engine-rest}
     * @param webappPath the web apps' path, e.g. {@code /camunda}; their engine API is {@code <webappPath>/api/engine}
     */
    TaskCompletionGuard(String restPath, String webappPath) {
        this.roots = List.of(
                TaskQueryExpressionGuard.normalize(restPath == null ? "" : restPath),
                TaskQueryExpressionGuard.normalize(webappPath + "/api/engine"));
    }

    /**
     * The task and action a request path (raw, as sent) addresses, resolved as the REST servlet resolves it (dot and
     * empty segments, matrix parameters, percent-encoding), so {@code /engine-rest//t%61sk/1;x=y/complete} is seen
     * as {@code /engine-rest/task/1/complete}. Empty for every other path; a path that cannot be decoded is not a
     * task's path (the REST servlet refuses it as well).
     */
    Optional<Target> target(String rawPath) {
        return below(roots, rawPath).flatMap(rest -> switch (rest.get(0)) {
            case "task" -> task(rest);
            case "process-definition" -> definition(rest);
            default -> Optional.empty();
        });
    }

    /**
     * The segments of a request path (raw, as sent, resolved as the REST servlet resolves it) below the first of the
     * engine API's roots it lies under, and below {@code engine/{name}} of a named engine; empty for a path under none
     * of them, for the root itself, and for a path that cannot be decoded.
     */
    static Optional<List<String>> below(List<List<String>> roots, String rawPath) {
        List<String> path;
        try {
            path = TaskQueryExpressionGuard.normalize(rawPath);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (List<String> root : roots) {
            if (path.size() > root.size() && path.subList(0, root.size()).equals(root)) {
                List<String> rest = path.subList(root.size(), path.size());
                // named engine: <root>/engine/{name}/...
                if (rest.size() >= 2 && rest.get(0).equals("engine")) {
                    rest = rest.subList(2, rest.size());
                }
                return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
            }
        }
        return Optional.empty();
    }

    private static Optional<Target> task(List<String> rest) {
        if (rest.size() != 3) {
            return Optional.empty();
        }
        Action action = switch (rest.get(2)) {
            case "complete", "submit-form", "resolve" -> Action.COMPLETE;
            case "bpmnError", "bpmnEscalation" -> Action.THROW;
            case "claim" -> Action.CLAIM;
            case "unclaim" -> Action.UNCLAIM;
            default -> null;
        };
        return action == null ? Optional.empty() : Optional.of(Target.task(rest.get(1), action));
    }

    /** {@code process-definition/{id}/...}, {@code .../key/{key}/...}, {@code .../key/{key}/tenant-id/{t}/...}. */
    private static Optional<Target> definition(List<String> rest) {
        String last = rest.get(rest.size() - 1);
        Action action = switch (last) {
            case "start", "submit-form" -> Action.START;
            case "restart", "restart-async" -> Action.RESTART;
            default -> null;
        };
        if (action == null) {
            return Optional.empty();
        }
        if (rest.size() == 3) {
            return Optional.of(new Target(action, null, rest.get(1), null, null));
        }
        if (rest.size() == 4 && rest.get(1).equals("key")) {
            return Optional.of(new Target(action, null, null, rest.get(2), null));
        }
        if (rest.size() == 6 && rest.get(1).equals("key") && rest.get(3).equals("tenant-id")) {
            return Optional.of(new Target(action, null, null, rest.get(2), rest.get(4)));
        }
        return Optional.empty();
    }

    /**
     * What a start or completion body asks for: the keys of its top-level {@code variables} object (after JSON
     * decoding, so {@code \u0064ataset} is {@code dataset}), and whether it starts elsewhere than at the start event
     * or skips listeners or input/output mappings. Nothing for an empty body.
     *
     * @throws IOException when the body is not well-formed JSON or {@code variables} is not an object
     */
    static Body body(byte[] body) throws IOException {
        Set<String> names = new TreeSet<>();
        boolean skips = false;
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new Body(names, false);
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("variables".equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        names.add(parser.currentName());
                        parser.nextToken();
                        parser.skipChildren();
                    }
                } else if ("variables".equals(field) && value != JsonToken.VALUE_NULL) {
                    throw new IOException("variables is not an object");
                } else if ("startInstructions".equals(field)) {
                    JsonNode instructions = parser.readValueAsTree();
                    skips |= instructions != null && !instructions.isNull() && !instructions.isEmpty();
                } else if (("skipCustomListeners".equals(field) || "skipIoMappings".equals(field))
                        && value == JsonToken.VALUE_TRUE) {
                    skips = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("trailing content");
            }
        }
        return new Body(names, skips);
    }

    /**
     * The user a claim names: the top-level {@code userId} of its body, or {@code null} when it names none.
     *
     * @throws IOException when the body is not well-formed JSON
     */
    static String claimant(byte[] body) throws IOException {
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode node = JSON.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        JsonNode user = node.get("userId");
        return user == null || user.isNull() ? null : user.asText();
    }

    /**
     * The variables a form submits: for a Camunda Form (JSON) the keys of its fields and the paths of its lists and
     * groups (the first segment: {@code a.b} submits {@code a}); for an embedded HTML form its
     * {@code cam-variable-name} inputs and the variables its script creates.
     */
    static Set<String> formFields(String form) {
        Set<String> names = new LinkedHashSet<>();
        String trimmed = form.strip();
        if (trimmed.startsWith("{")) {
            try {
                collect(JSON.readTree(trimmed), names);
            } catch (IOException e) {
                // a form Tasklist cannot render either: it submits nothing
                return Set.of();
            }
            return names;
        }
        for (Pattern pattern : List.of(CAM_VARIABLE, CREATED_VARIABLE)) {
            Matcher m = pattern.matcher(form);
            while (m.find()) {
                names.add(m.group(1).strip());
            }
        }
        return names;
    }

    private static void collect(JsonNode container, Set<String> names) {
        for (JsonNode component : container.path("components")) {
            String key = component.path("key").asText("");
            String path = component.path("path").asText("");
            if (!key.isBlank()) {
                names.add(firstSegment(key));
            } else if (!path.isBlank()) {
                // a dynamic list or a group with a path submits its rows or fields as one variable
                names.add(firstSegment(path));
            } else {
                // a group without a path submits its fields as variables of their own
                collect(component, names);
            }
        }
    }

    private static String firstSegment(String key) {
        int dot = key.indexOf('.');
        return (dot < 0 ? key : key.substring(0, dot)).strip();
    }
}
