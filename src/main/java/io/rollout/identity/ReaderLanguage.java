package io.rollout.identity;

import io.rollout.shared.Translations;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a person reads Rollout in, for every request — our pages and API, the engine REST API and the web
 * apps' API: the language the person chose (remembered for their user, {@link LanguageChoices}), else the one this
 * browser chose (cookie {@value #COOKIE}, set with the choice), else the browser's language ({@code Accept-Language},
 * as Camunda's web apps follow it), else {@code rollout.language}. Rollout speaks English and Chinese; a browser asking
 * for another language gets its next preference Rollout speaks. Spring MVC takes it as its {@code localeResolver}.
 */
@Component("localeResolver")
public class ReaderLanguage implements LocaleResolver {

    /** The cookie that carries the choice made in this browser, read by the web apps' language script too. */
    public static final String COOKIE = "rollout-language";

    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Translations.CHINESE);

    private final LanguageChoices choices;
    private final IdentityService identity;
    private final Locale fallback;

    ReaderLanguage(
            LanguageChoices choices, IdentityService identity, @Value("${rollout.language:en}") String fallback) {
        this.choices = choices;
        this.identity = identity;
        this.fallback = spoken(Locale.forLanguageTag(fallback)).orElse(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return user(request)
                .flatMap(choices::of)
                .or(() -> cookie(request))
                .flatMap(tag -> spoken(Locale.forLanguageTag(tag)))
                .or(() -> browser(request))
                .orElse(fallback);
    }

    /** The choice of the logged-in person: remembered for the user and in this browser's cookie. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String user = user(request).orElseThrow(() -> new IllegalStateException("no logged-in user"));
        String tag = locale == null ? null : tag(locale);
        choices.choose(user, tag);
        response.addCookie(cookie(request, tag));
    }

    /** The cookie that carries a choice in this browser; {@code null} removes it. */
    static Cookie cookie(HttpServletRequest request, String tag) {
        Cookie cookie = new Cookie(COOKIE, tag == null ? "" : tag);
        cookie.setPath("/");
        cookie.setMaxAge(tag == null ? 0 : (int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        return cookie;
    }

    /** The person's remembered choice, if any. */
    Optional<Locale> chosen(HttpServletRequest request) {
        return user(request).flatMap(choices::of).flatMap(tag -> spoken(Locale.forLanguageTag(tag)));
    }

    /** The tag Rollout uses for a language it speaks: {@code en} or {@code zh-CN}. */
    static String tag(Locale locale) {
        return Translations.chinese(locale) ? "zh-CN" : "en";
    }

    /** The language Rollout speaks that is the given one ({@code zh-TW} reads Chinese too), if any. */
    static Optional<Locale> spoken(Locale locale) {
        return SPOKEN.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst();
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> browser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        return Collections.list(request.getLocales()).stream()
                .map(ReaderLanguage::spoken)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<String> user(HttpServletRequest request) {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return Optional.of(auth.getUserId());
        }
        UserAuthentication web = CamundaSession.user(request);
        return web == null ? Optional.empty() : Optional.ofNullable(web.getIdentityId());
    }
}
