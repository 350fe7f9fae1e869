package ru.zamena.core.compliance;

import java.time.LocalDate;

/** Where a rule comes from: the act (in English and Russian), its number and date, and the article or point when it matters. */
public record LegalReference(String act, String actRu, String number, LocalDate date, String article, String url) {
    /** A short citation, e.g. "Government Decree No. 1236 of 2015-11-16, p. 2" (or in Russian for "ru"). */
    public String cite(String language) {
        boolean ru = "ru".equals(language) && actRu != null && !actRu.isBlank();
        var sb = new StringBuilder(ru ? actRu : act);
        if (number != null && !number.isBlank()) sb.append(ru ? " № " : " No. ").append(number);
        if (date != null) sb.append(ru ? " от " : " of ").append(date);
        if (article != null && !article.isBlank()) sb.append(", ").append(article);
        return sb.toString();
    }

    public String cite() {
        return cite("en");
    }
}
