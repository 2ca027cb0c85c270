package io.rollout.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Serves our four pages ({@code /audit/}, {@code /dashboard/}, {@code /process-migration/}, {@code /task-sheet/})
 * already in the reader's language: their {@code static/<page>/index.html} names each text by its key
 * ({@code data-text}, {@code data-text-placeholder}, {@code data-text-title}), and the page is sent with those texts
 * filled in from {@code messages/pages*.properties} and {@code <html lang>} set, so a reader sees the page in their
 * language before any script runs. The scripts take the texts they compose from {@link PageTexts}, the same source.
 */
@Controller
class PageDocuments {

    static final Map<String, String> PAGES = Map.of(
            "/audit/", "static/audit/index.html",
            "/dashboard/", "static/dashboard/index.html",
            "/process-migration/", "static/process-migration/index.html",
            "/task-sheet/", "static/task-sheet/index.html");
    static final Pattern CONTENT = Pattern.compile("<(\\w+)([^>]*?) data-text=\"([^\"]+)\"([^>]*)>[^<]*</\\1>");
    static final Pattern ATTRIBUTE = Pattern.compile(" data-text-(placeholder|title)=\"([^\"]+)\"");
    static final Pattern LANG = Pattern.compile("<html lang=\"[^\"]*\">");

    private final MessageSource source;
    private final UrlPathHelper paths = new UrlPathHelper();

    PageDocuments(MessageSource source) {
        this.source = source;
    }

    @GetMapping({"/audit/", "/dashboard/", "/process-migration/", "/task-sheet/"})
    ResponseEntity<String> page(jakarta.servlet.http.HttpServletRequest request) {
        String template = read(PAGES.get(paths.getPathWithinApplication(request)));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
                .body(render(template, LocaleContextHolder.getLocale()));
    }

    /** The page with every named text in the reader's language and the marks that named them removed. */
    String render(String template, Locale reader) {
        Matcher content = CONTENT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (content.find()) {
            content.appendReplacement(
                    out,
                    Matcher.quoteReplacement("<" + content.group(1) + content.group(2) + content.group(4) + ">"
                            + text(content.group(3), reader) + "</" + content.group(1) + ">"));
        }
        content.appendTail(out);
        Matcher attribute = ATTRIBUTE.matcher(out.toString());
        StringBuilder page = new StringBuilder();
        while (attribute.find()) {
            attribute.appendReplacement(
                    page,
                    Matcher.quoteReplacement(
                            " " + attribute.group(1) + "=\"" + text(attribute.group(2), reader) + "\""));
        }
        attribute.appendTail(page);
        return LANG.matcher(page)
                .replaceFirst(Matcher.quoteReplacement("<html lang=\"" + PageTexts.language(reader) + "\">"));
    }

    private String text(String key, Locale reader) {
        return HtmlUtils.htmlEscape(
                source.getMessage(PageTexts.PREFIX + key, null, key, reader), StandardCharsets.UTF_8.name());
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
