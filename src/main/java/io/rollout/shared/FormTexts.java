package io.rollout.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of which texts of a form a person reads, for the forms Tasklist shows: the Camunda Forms
 * ({@code forms/*.form}, form-js JSON) and the embedded HTML forms ({@code forms/embedded/*.html}). The catalogue
 * {@code i18n/zh-CN/forms.json} holds a translation of each of these texts, the engine REST responses that serve a
 * form to Tasklist are translated through {@link #translated} and {@link #translatedHtml}, and
 * {@code FormTranslationsTests} checks that no text lacks its translation. Everything else of a form — keys, ids,
 * values, conditions, data sources, bindings, scripts — is left as it is, so the form behaves the same in every
 * language.
 */
public final class FormTexts {

    /**
     * The properties of a form-js component whose string values are read, at any depth: labels (of fields, of the
     * options under {@code values} and of table {@code columns}), help texts, the text view's Markdown, the adorners
     * under {@code appearance}, the date and time labels of a datetime field and the content of an HTML view.
     */
    private static final Set<String> TEXT_PROPERTIES = Set.of(
            "label",
            "description",
            "text",
            "placeholder",
            "title",
            "alt",
            "prefixAdorner",
            "suffixAdorner",
            "dateLabel",
            "timeLabel",
            "content");

    /** A string literal that a FEEL {@code if} gives as its result, e.g. {@code then "Summary"}. */
    private static final Pattern FEEL_RESULT = Pattern.compile("\\b(then|else)(\\s+)\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * A markup token that is not a text node: a script, style or code element as a whole (code reads the same in
     * every language, e.g. an API path), a comment, or a tag.
     */
    private static final Pattern HTML_TOKEN = Pattern.compile(
            "<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>|<code\\b.*?</code\\s*>|<!--.*?-->|<[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern HTML_TEXT_ATTRIBUTE = Pattern.compile(
            "(\\s(?:placeholder|title|aria-label)\\s*=\\s*)(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    private static final Pattern BINDING = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FormTexts() {}

    /** The texts of a Camunda Form a person reads, each once, in the order of the form. */
    public static List<String> texts(JsonNode form) {
        Set<String> texts = new LinkedHashSet<>();
        visit(form, text -> {
            translateText(text, t -> {
                texts.add(t);
                return t;
            });
            return text;
        });
        return new ArrayList<>(texts);
    }

    /**
     * A copy of the Camunda Form with each text replaced by what {@code translate} makes of it (null keeps the
     * text); the form given stays unchanged.
     */
    public static JsonNode translated(JsonNode form, UnaryOperator<String> translate) {
        JsonNode copy = form.deepCopy();
        visit(copy, text -> translateText(text, translate));
        return copy;
    }

    /** Replaces each text property's value below {@code node} by what {@code change} makes of it. */
    private static void visit(JsonNode node, UnaryOperator<String> change) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                JsonNode value = property.getValue();
                if (value.isTextual() && TEXT_PROPERTIES.contains(property.getKey())) {
                    String changed = change.apply(value.asText());
                    if (!changed.equals(value.asText())) {
                        property.setValue(object.textNode(changed));
                    }
                } else {
                    visit(value, change);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> visit(element, change));
        }
    }

    /**
     * A text translated: a plain text as a whole; a FEEL expression ({@code =…}) only in the string literals it
     * gives as a result after {@code then} or {@code else}, as the others are values it compares with.
     */
    private static String translateText(String text, UnaryOperator<String> translate) {
        if (text.isBlank()) {
            return text;
        }
        if (!text.startsWith("=")) {
            return orSame(translate.apply(text), text);
        }
        Matcher literal = FEEL_RESULT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (literal.find()) {
            String english = unescapeFeel(literal.group(3));
            String translation = english.isBlank() ? english : orSame(translate.apply(english), english);
            literal.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            literal.group(1) + literal.group(2) + '"' + escapeFeel(translation) + '"'));
        }
        literal.appendTail(out);
        return out.toString();
    }

    private static String unescapeFeel(String literal) {
        return literal.replaceAll("\\\\([\"\\\\])", "$1");
    }

    private static String escapeFeel(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The texts of an embedded HTML form a person reads, each once, in the order of the form. */
    public static List<String> htmlTexts(String html) {
        Set<String> texts = new LinkedHashSet<>();
        translatedHtml(html, text -> {
            texts.add(text);
            return text;
        });
        return new ArrayList<>(texts);
    }

    /**
     * The embedded HTML form with each text replaced by what {@code translate} makes of it (null keeps the text):
     * the text nodes, with runs of white space read as one space as a browser shows them, and the attributes
     * {@code placeholder}, {@code title} and {@code aria-label}. A text that is only Angular bindings
     * ({@code {{ … }}}), the {@code cam-variable-*} attributes, scripts, styles and code stay as they are, and so
     * does every other byte of the form.
     */
    public static String translatedHtml(String html, UnaryOperator<String> translate) {
        StringBuilder out = new StringBuilder();
        Matcher token = HTML_TOKEN.matcher(html);
        int at = 0;
        while (token.find()) {
            out.append(translateTextNode(html.substring(at, token.start()), translate));
            String markup = token.group();
            out.append(isTag(markup) ? translateAttributes(markup, translate) : markup);
            at = token.end();
        }
        out.append(translateTextNode(html.substring(at), translate));
        return out.toString();
    }

    private static boolean isTag(String markup) {
        String lower = markup.toLowerCase();
        return !(lower.startsWith("<script")
                || lower.startsWith("<style")
                || lower.startsWith("<code")
                || lower.startsWith("<!--")
                || lower.startsWith("</"));
    }

    private static String translateTextNode(String node, UnaryOperator<String> translate) {
        String text = WHITESPACE.matcher(node.strip()).replaceAll(" ");
        if (!isHtmlText(text)) {
            return node;
        }
        String translation = translate.apply(text);
        if (translation == null || translation.equals(text)) {
            // as it was, line breaks included
            return node;
        }
        int start = node.indexOf(node.strip());
        return node.substring(0, start)
                + translation
                + node.substring(start + node.strip().length());
    }

    private static String translateAttributes(String tag, UnaryOperator<String> translate) {
        Matcher attribute = HTML_TEXT_ATTRIBUTE.matcher(tag);
        StringBuilder out = new StringBuilder();
        while (attribute.find()) {
            boolean doubleQuoted = attribute.group(2) != null;
            String text = doubleQuoted ? attribute.group(2) : attribute.group(3);
            String replacement = attribute.group();
            if (isHtmlText(text.strip())) {
                String translation = orSame(translate.apply(text.strip()), text.strip());
                replacement = attribute.group(1)
                        + (doubleQuoted
                                ? '"' + translation.replace("\"", "&quot;") + '"'
                                : '\'' + translation.replace("'", "&#39;") + '\'');
            }
            attribute.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        attribute.appendTail(out);
        return out.toString();
    }

    /** A text a person reads: it has a letter outside the Angular bindings. */
    private static boolean isHtmlText(String text) {
        return BINDING.matcher(text).replaceAll("").codePoints().anyMatch(Character::isLetter);
    }

    private static String orSame(String translation, String text) {
        return translation == null ? text : translation;
    }
}
