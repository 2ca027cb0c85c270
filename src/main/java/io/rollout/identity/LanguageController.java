package io.rollout.identity;

import io.rollout.shared.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in person's language: {@code GET /api/me/language} tells the remembered choice and the language in
 * effect, {@code PUT /api/me/language} with {@code {"language":"zh-CN"}} (or {@code "en"}, or {@code null} to follow
 * the browser again) remembers a new one. Our pages and the web apps' language switch call it.
 */
@RestController
class LanguageController {

    private final ReaderLanguage language;
    private final CurrentUser user;
    private final Messages messages;

    LanguageController(ReaderLanguage language, CurrentUser user, Messages messages) {
        this.language = language;
        this.user = user;
        this.messages = messages;
    }

    record Choice(String language) {}

    @GetMapping("/api/me/language")
    Map<String, Object> get(HttpServletRequest request, HttpServletResponse response) {
        user.id();
        Map<String, Object> answer = new LinkedHashMap<>();
        Locale chosen = language.chosen(request).orElse(null);
        answer.put("language", chosen == null ? null : ReaderLanguage.tag(chosen));
        answer.put("effective", ReaderLanguage.tag(language.resolveLocale(request)));
        answer.put(
                "available",
                ReaderLanguage.SPOKEN.stream().map(ReaderLanguage::tag).toList());
        return answer;
    }

    @PutMapping("/api/me/language")
    ResponseEntity<Void> choose(@RequestBody Choice choice, HttpServletRequest request, HttpServletResponse response) {
        user.id();
        Locale chosen = null;
        if (choice.language() != null) {
            chosen = ReaderLanguage.spoken(Locale.forLanguageTag(choice.language()))
                    .orElseThrow(() -> messages.reject("security.language.unknown", choice.language(), "en, zh-CN"));
        }
        language.setLocale(request, response, chosen);
        return ResponseEntity.noContent().build();
    }
}
