package io.rollout.shared;

import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every text a user reads from Java, resolved from {@code messages/*.properties} (English) and
 * {@code messages/*_zh_CN.properties} (Chinese). Within a web request the user's language is used;
 * in the engine's own threads (gates, timers) the configured {@code rollout.language}.
 */
@Component
public class Messages {

    private final MessageSource source;
    private final Locale engineLocale;

    Messages(MessageSource source, @Value("${rollout.language:en}") String language) {
        this.source = source;
        this.engineLocale = Locale.forLanguageTag(language);
    }

    /** The message in the current request's language. */
    public String get(String code, Object... args) {
        return source.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    /** The message in the language configured for texts the engine stores (gate findings). */
    public String forRecord(String code, Object... args) {
        return source.getMessage(code, args, engineLocale);
    }

    /**
     * An exception that rejects a user's input: the REST API answers 400 with this message and
     * Tasklist shows it on the form; the transaction rolls back, so nothing is stored.
     */
    public BadUserRequestException reject(String code, Object... args) {
        return RejectedInput.of(get(code, args));
    }
}
