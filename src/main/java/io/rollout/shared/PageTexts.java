package io.rollout.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/pages/{page}/texts}: the texts of one of Rollout's own pages ({@value #PAGES}) in the reader's
 * language, {@code {"language": "zh-CN", "texts": {"audit.heading": "审计轨迹", …}}}, for {@code rollout-session.js}
 * and the task sheet to put into the elements marked {@code data-text}. One source per text: the keys
 * {@code pages.<page>.*} and {@code pages.common.*} of {@code messages/pages.properties} and its
 * {@code pages_zh_CN.properties}, resolved through the application's {@link MessageSource} like every other message;
 * the page receives them without the {@code pages.} prefix, with their {@code {0}} placeholders for its script to fill.
 */
@RestController
class PageTexts {

    static final List<String> PAGES = List.of("audit", "dashboard", "migration", "tasksheet");
    static final String BUNDLE = "messages/pages.properties";
    static final String PREFIX = "pages.";

    private final MessageSource source;
    private final List<String> keys;

    PageTexts(MessageSource source) {
        this.source = source;
        this.keys = keys();
    }

    /** The page's texts and the language they are in ({@code en} or {@code zh-CN}), for {@code <html lang>}. */
    record Texts(String language, Map<String, String> texts) {}

    @GetMapping("/api/pages/{page}/texts")
    Texts texts(@PathVariable String page) {
        if (!PAGES.contains(page)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Locale reader = LocaleContextHolder.getLocale();
        Map<String, String> texts = new TreeMap<>();
        for (String key : keys) {
            if (key.startsWith(PREFIX + page + ".") || key.startsWith(PREFIX + "common.")) {
                // no arguments: the pattern comes back as written, {0} included, for the page to fill
                texts.put(key.substring(PREFIX.length()), source.getMessage(key, null, key, reader));
            }
        }
        return new Texts(language(reader), texts);
    }

    /** The BCP 47 tag of the language the texts are in: Chinese for any {@code zh} locale, English otherwise. */
    static String language(Locale reader) {
        return "zh".equals(reader.getLanguage()) ? "zh-CN" : "en";
    }

    // the English bundle names every key; the message source only answers for one key at a time
    private static List<String> keys() {
        try {
            Properties english = PropertiesLoaderUtils.loadProperties(
                    new EncodedResource(new ClassPathResource(BUNDLE), StandardCharsets.UTF_8));
            return english.stringPropertyNames().stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
