package io.rollout.shared;

import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every text a user reads from Java, resolved from {@code messages/*.properties} (English) and
 * {@code messages/*_zh_CN.properties} (Chinese). Within a web request the reader's language is used. Texts the
 * engine stores (gate findings, summaries in variables, task names) are recorded in English ({@link #forRecord}),
 * whatever the language of the person whose action made them, and {@link Translations} renders them for each reader.
 */
@Component
public class Messages {

    /** The language of stored texts: the English of {@code messages/*.properties}. */
    public static final Locale RECORD = Locale.ROOT;

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    /** The message in the current request's language. */
    public String get(String code, Object... args) {
        return source.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    /** The message in the language of texts the engine stores (English), for {@link Translations} to render. */
    public String forRecord(String code, Object... args) {
        return source.getMessage(code, args, RECORD);
    }

    /**
     * An exception that rejects a user's input: the REST API answers 400 with this message and
     * Tasklist shows it on the form; the transaction rolls back, so nothing is stored.
     */
    public BadUserRequestException reject(String code, Object... args) {
        return RejectedInput.of(get(code, args));
    }
}
