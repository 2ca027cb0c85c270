package io.rollout.shared;

import io.rollout.shared.PatchedScript.Fix;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Tasklist 7.24 complete every Camunda Form a user can fill in. Tasklist's script has two defects that
 * a user meets as a form that cannot be completed; this filter serves the script with both corrected
 * ({@link PatchedScript}). If a Camunda upgrade changes the script, a fix that no longer applies is left out, a
 * warning names it, and {@code TasklistFormFixesTests} fails.
 *
 * <ul>
 * <li>{@link #VALIDATION}: form-js 1.8.7 keeps a dynamic-list field that was once invalid as an error entry
 *     whose rows are empty ({@code {"Field_MilestoneDueDate": [null, null]}}); Tasklist counts entries, not
 *     errors, so <em>Complete</em> stayed grey without any message after typing into added rows.</li>
 * <li>{@link #NULL_TYPE}: Tasklist submits a list (checklist, tag list, dynamic list) with the type of the
 *     variable it replaces. A variable declared without a value (an input parameter, a value cleared for the
 *     next loop) has the type {@code Null}, and the engine refused the list: "Cannot convert value '[...]' of
 *     type 'Null' to java type javax.lang.model.type.NullType". A list replacing a {@code Null} is sent as
 *     {@code Json}, as Tasklist already does for a variable it has not seen.</li>
 * </ul>
 * It also starts Tasklist in the language the person chose ({@link WebappLanguageChoice}).
 */
@Configuration(proxyBeanMethods = false)
class TasklistFormFixes {

    static final String SCRIPT = "/camunda/app/tasklist/camunda-tasklist-bootstrap.js";

    static final Fix VALIDATION = new Fix(
            "form validation counts real errors",
            "var t=!!Object.keys(e.errors).length;h.notifyFormValidated(t)",
            "var t=function q(v){return Array.isArray(v)?v.some(q):!!v&&(\"object\"!=typeof v"
                    + "||Object.keys(v).some(function(k){return q(v[k])}))}(e.errors);h.notifyFormValidated(t)");

    static final Fix NULL_TYPE = new Fix(
            "a list replacing a Null variable is submitted as Json",
            "if(o)s=o.type,l=o.valueInfo;else{",
            "if(o&&\"Null\"!==o.type)s=o.type,l=o.valueInfo;else{");

    static final List<Fix> FIXES = List.of(VALIDATION, NULL_TYPE, WebappLanguageChoice.CHOICE_FIRST);

    @Bean
    FilterRegistrationBean<Filter> tasklistFormFixesFilter() {
        return PatchedScript.filter("rollout-tasklist-form-fixes", SCRIPT, FIXES);
    }
}
