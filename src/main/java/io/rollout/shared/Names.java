package io.rollout.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Display names of the codes a project is made of — departments ({@code procurement} → "Procurement", 采购部) and
 * modules ({@code inventory} → "Inventory", 库存管理) — for task names, form texts and pages. Projects, models and
 * tables keep the codes; a person reads the name. Task names use it from the models, e.g.
 * {@code name="Capture requirements for ${names.department(department)}"}. A code without a name (a department
 * added to {@code rollout.departments} later) reads as itself.
 */
@ForModels
@Component("names")
public class Names {

    private final MessageSource source;
    private final Locale recordLocale;

    Names(MessageSource source) {
        this.source = source;
        this.recordLocale = Messages.RECORD;
    }

    /** The department's name in the language of stored texts (English, see {@link Translations}). */
    public String department(String code) {
        return name("department.", code, recordLocale);
    }

    /** The module's name in the language of stored texts (English, see {@link Translations}). */
    public String module(String code) {
        return name("module.", code, recordLocale);
    }

    /** The department's name in the given language. */
    public String department(String code, Locale locale) {
        return name("department.", code, locale);
    }

    /** The module's name in the given language. */
    public String module(String code, Locale locale) {
        return name("module.", code, locale);
    }

    private String name(String prefix, String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return source.getMessage(prefix + code, null, code, locale);
    }

    /**
     * The dataset's name in the language of stored texts ({@code customers} → "Customers", 客户), for task names such as
     * "Sign off Customers data"; the keys {@code migration.dataset.*} live with the migration's messages. A dataset
     * that a project names freely in its integration strategy reads as its code.
     */
    public String dataset(String code) {
        return name("migration.dataset.", code, recordLocale);
    }
}
