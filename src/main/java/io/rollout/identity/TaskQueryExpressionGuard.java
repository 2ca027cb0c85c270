package io.rollout.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule against JUEL injection through task queries (CVE-2026-109432: expressions in
 * {@code orQueries} and in the extending query of a filter are evaluated by Camunda 7.24 even with
 * {@code enableExpressionsInAdhocQueries=false}, with access to every Spring bean).
 *
 * <p>A request that carries a task query to the engine — {@code task}, {@code task/count} and
 * everything under {@code filter} of the engine REST API and of the webapps' engine API — may hold
 * an expression ({@code ${...}} or {@code #{...}}) in a string only when the whole string is one of
 * the expressions Tasklist's filters need: {@code ${currentUser()}}, {@code ${currentUserGroups()}},
 * {@code ${now()}} and {@code ${dateTime()}} followed by plus/minus date arithmetic, optionally
 * {@code .withTimeAtStartOfDay()} and {@code .toDate()}. Every query parameter and every string
 * (and field name) at any depth of the JSON body is checked after JSON decoding, so
 * {@code \u0024{...}} is seen as {@code ${...}}. Plain class: no Spring, no engine.
 */
final class TaskQueryExpressionGuard {

    /** Why a request is refused; {@code field} names the query parameter or JSON path. */
    record Refusal(Reason reason, String field) {}

    enum Reason {
        /** A string holds an expression that is not on the allow-list. */
        EXPRESSION,
        /** The body is not well-formed JSON, or a parameter or path is not well-formed percent-encoding. */
        MALFORMED
    }

    /** The allowed expressions as a user reads them in the refusal message. */
    static final String ALLOWED_TEXT =
            "${currentUser()}, ${currentUserGroups()}, ${now()}, ${dateTime()...} (plusDays(2), minusWeeks(1), "
                    + "withTimeAtStartOfDay(), toDate() ...)";

    // whitespace only directly inside ${ } — that is how Tasklist's own help texts write them
    private static final String OPEN = "\\$\\{\\s*";
    private static final String CLOSE = "\\s*\\}";
    private static final String DATE_STEP = "\\.(?:(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)"
            + "\\(-?\\d{1,6}\\)|withTimeAtStartOfDay\\(\\))";

    static final List<Pattern> ALLOWED = List.of(
            Pattern.compile(OPEN + "currentUser\\(\\)" + CLOSE),
            Pattern.compile(OPEN + "currentUserGroups\\(\\)" + CLOSE),
            Pattern.compile(OPEN + "now\\(\\)" + CLOSE),
            Pattern.compile(OPEN + "dateTime\\(\\)(?:" + DATE_STEP + "){0,6}(?:\\.toDate\\(\\))?" + CLOSE));

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final List<List<String>> roots;

    /**
     * @param restPath    the engine REST API's path, e.g. {@code /engine-rest}
     * @param webappPath  the webapps' application path, e.g. {@code /camunda}; their engine API is
     *                    {@code <webappPath>/api/engine}
     */
    TaskQueryExpressionGuard(String restPath, String webappPath) {
        this.roots = List.of(segments(restPath), segments(webappPath + "/api/engine"));
    }

    /** True when a string is free of expressions or is exactly one allowed expression. */
    static boolean isAllowed(String value) {
        if (value == null || (!value.contains("${") && !value.contains("#{"))) {
            return true;
        }
        return ALLOWED.stream().anyMatch(p -> p.matcher(value).matches());
    }

    /**
     * True when the request path (raw, as sent: {@code getRequestURI()} without the context path)
     * reaches an endpoint that hands a task query to the engine. Dot segments, empty segments,
     * matrix parameters and percent-encoding are resolved the way the REST servlet resolves them,
     * so {@code /engine-rest//%74ask;x=y/} is guarded like {@code /engine-rest/task}. A path that
     * cannot be decoded is guarded (and then refused as malformed).
     */
    boolean guards(String rawPath) {
        List<String> path;
        try {
            path = normalize(rawPath);
        } catch (IllegalArgumentException e) {
            return true;
        }
        for (List<String> root : roots) {
            if (path.size() > root.size() && path.subList(0, root.size()).equals(root)) {
                List<String> rest = path.subList(root.size(), path.size());
                // named engine: <root>/engine/{name}/...
                if (rest.size() >= 2 && rest.get(0).equals("engine")) {
                    rest = rest.subList(2, rest.size());
                }
                if (guardedResource(rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean guardedResource(List<String> rest) {
        if (rest.isEmpty()) {
            return false;
        }
        return switch (rest.get(0)) {
            // GET/POST /task and /task/count are the task queries; /task/{id}/... carry user data
            case "task" -> rest.size() == 1 || (rest.size() == 2 && rest.get(1).equals("count"));
            // create, update, list, count, singleResult and the filter query itself
            case "filter" -> true;
            default -> false;
        };
    }

    /** Checks every name and value of a raw (still percent-encoded) query string. */
    static Optional<Refusal> checkQueryString(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Refusal(Reason.MALFORMED, eq < 0 ? pair : pair.substring(0, eq)));
            }
            if (!isAllowed(name) || !isAllowed(value)) {
                return Optional.of(new Refusal(Reason.EXPRESSION, name));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks every string value and field name of a JSON body, at any depth. An empty body passes;
     * anything that is not well-formed JSON is refused, because what cannot be read here must not
     * be read differently downstream.
     */
    static Optional<Refusal> checkJson(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            boolean any = false;
            while ((token = parser.nextToken()) != null) {
                any = true;
                if (token == JsonToken.FIELD_NAME && !isAllowed(parser.currentName())) {
                    return Optional.of(new Refusal(Reason.EXPRESSION, path(parser.getParsingContext())));
                }
                if (token == JsonToken.VALUE_STRING && !isAllowed(parser.getText())) {
                    return Optional.of(new Refusal(Reason.EXPRESSION, path(parser.getParsingContext())));
                }
            }
            return any ? Optional.empty() : Optional.of(new Refusal(Reason.MALFORMED, "(body)"));
        } catch (JsonProcessingException e) {
            return Optional.of(new Refusal(Reason.MALFORMED, "(body)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code orQueries[0].assigneeExpression} for the context of the current token. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        Collections.reverse(parts);
        String joined = String.join("", parts);
        return joined.isEmpty() ? "(body)" : joined.startsWith(".") ? joined.substring(1) : joined;
    }

    static List<String> normalize(String rawPath) {
        List<String> result = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            int matrix = raw.indexOf(';');
            String segment = URLDecoder.decode(
                    (matrix < 0 ? raw : raw.substring(0, matrix)).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!result.isEmpty()) {
                    result.remove(result.size() - 1);
                }
                continue;
            }
            result.add(segment);
        }
        return result;
    }

    private static List<String> segments(String path) {
        return normalize(path == null ? "" : path);
    }
}
