package io.rollout.shared;

import io.rollout.shared.PatchedScript.Fix;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Camunda's web apps start in the language the person chose. They pick their language once, at start, from the
 * browser's first language only; texts drawn at start (a search field's placeholder) keep it even when the language
 * switch changes it later. This correction of each app's start script ({@link PatchedScript}) takes the choice from
 * the cookie {@value #COOKIE} first, when the app has that language; Tasklist's script gets it with its other
 * corrections ({@link TasklistFormFixes}).
 */
@Configuration(proxyBeanMethods = false)
class WebappLanguageChoice {

    /** The cookie that carries the person's choice in this browser (set by {@code PUT /api/me/language}). */
    static final String COOKIE = "rollout-language";

    /**
     * {@code o} is the app's list of available locales in all four start scripts of 7.24: when it has the chosen
     * language, the app is handed a function that answers it instead of the one that reads the browser.
     */
    static final Fix CHOICE_FIRST = new Fix(
            "the app starts in the language the person chose",
            "determinePreferredLanguage((function(){",
            "determinePreferredLanguage((function(c){return c&&o.indexOf(c)>-1?function(){return c}:null})"
                    + "((document.cookie.match(/(?:^|; )" + COOKIE + "=([a-z]+)/)||[])[1])||(function(){");

    @Bean
    FilterRegistrationBean<Filter> adminLanguageChoice() {
        return app("admin");
    }

    @Bean
    FilterRegistrationBean<Filter> cockpitLanguageChoice() {
        return app("cockpit");
    }

    @Bean
    FilterRegistrationBean<Filter> welcomeLanguageChoice() {
        return app("welcome");
    }

    static String script(String app) {
        return "/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js";
    }

    private static FilterRegistrationBean<Filter> app(String app) {
        return PatchedScript.filter("rollout-" + app + "-language-choice", script(app), List.of(CHOICE_FIRST));
    }
}
