package io.rollout.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Puts the reader's language ({@link ReaderLanguage}) in {@link LocaleContextHolder} for the whole request, after
 * the login is known ({@link WebSecurity#ORDER}): the engine REST API, the web apps' API and the filters in front of
 * them answer in it, not only Spring MVC, and so do delegates that run in the request's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ReaderLanguageFilter {

    static final int ORDER = WebSecurity.ORDER + 5;

    @Bean
    FilterRegistrationBean<HttpFilter> readerLanguageForTheRequest(ReaderLanguage language) {
        FilterRegistrationBean<HttpFilter> registration = new FilterRegistrationBean<>(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                LocaleContext before = LocaleContextHolder.getLocaleContext();
                LocaleContextHolder.setLocale(language.resolveLocale(request));
                try {
                    chain.doFilter(request, response);
                } finally {
                    LocaleContextHolder.setLocaleContext(before);
                }
            }
        });
        registration.setName("rollout-reader-language");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
        registration.setOrder(ORDER);
        return registration;
    }
}
