package org.npsloop.domain.theme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns themes to a comment by their keyword rules: a comment gets every theme one of whose keywords
 * it contains (see {@link Keyword} for what "contains" means).
 *
 * <p>Every keyword of a theme applies to every comment, whatever its language: a French contact may
 * answer in English and the language of a short comment cannot be told reliably, so a theme's FR and EN
 * keywords are one list for matching. Immutable and thread-safe.
 */
public final class ThemeMatcher {

    private final Map<Long, List<Keyword>> rules;

    private ThemeMatcher(Map<Long, List<Keyword>> rules) {
        this.rules = rules;
    }

    /** @param keywords per theme id, its keywords in any language, as typed */
    public static ThemeMatcher of(Map<Long, ? extends Collection<String>> keywords) {
        Map<Long, List<Keyword>> rules = new LinkedHashMap<>();
        keywords.forEach((theme, typed) -> {
            List<Keyword> parsed = new ArrayList<>();
            for (String text : typed) {
                try {
                    parsed.add(Keyword.parse(text));
                } catch (IllegalArgumentException unusable) {
                    // Never stored (refused when typed); skipped rather than failing a whole batch.
                }
            }
            rules.put(theme, List.copyOf(parsed));
        });
        return new ThemeMatcher(rules);
    }

    /** The ids of the themes the comment mentions, in rule order; none for an empty comment. */
    public Set<Long> themesOf(String comment) {
        List<String> words = Keyword.words(comment);
        Set<Long> themes = new LinkedHashSet<>();
        if (words.isEmpty()) {
            return themes;
        }
        rules.forEach((theme, keywords) -> {
            for (Keyword keyword : keywords) {
                if (keyword.matches(words)) {
                    themes.add(theme);
                    return;
                }
            }
        });
        return themes;
    }
}
