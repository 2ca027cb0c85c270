package io.rollout.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.shared.Translations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the guard filters in front of the engine's APIs ({@link TaskQueryExpressionGuardFilter},
 * {@link TaskCompletionGuardFilter}) share: the body read once with a ceiling, the refusal in the engine's own error
 * shape (so Tasklist shows it as it shows the engine's refusals), and the paths they are mapped to. The filters run
 * before Spring's request context exists, so the message is taken from the bundle in the request's language.
 */
final class EngineApiRefusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "messages/core";

    /** The whole body, or {@code null} when it is larger than {@code max} bytes. */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** Answers {@code status} with {@code {"type", "message"}}: 403 as an AuthorizationException, else invalid. */
    static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String code, String... args)
            throws IOException {
        // the reader's language (ReaderLanguageFilter runs before the guards); English is the bundle's root
        Locale locale = Translations.chinese(LocaleContextHolder.getLocale()) ? Translations.CHINESE : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> body = new LinkedHashMap<>();
        body.put(
                "type",
                status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException");
        body.put("message", new MessageFormat(bundle.getString(code), locale).format(args));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /** A configured application path as a filter mapping's prefix: a leading slash, no trailing one. */
    static String mappingPrefix(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.startsWith("/") ? p : "/" + p;
    }

    private EngineApiRefusals() {}
}
