package ru.zamena.app.compliance;

import ru.zamena.core.compliance.QuotaReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quota report as the CLI's JSON and the REST API write it, one shape for both:
 * {@code {"org", "profile", "year", "quotas": [{"position", "okpd2", "name", "min_share_percent", "unverified",
 * "items", "domestic_items", "amount", "domestic_amount", "unpriced_items", "share_by_count", "share_by_amount",
 * "shortfall_items", "shortfall_amount", "status"}]}}. Shares are percentages (share_by_amount null unless every item has a price); amounts are numbers.
 */
public final class QuotaJson {
    private QuotaJson() {}

    public static Map<String, Object> of(QuotaReport report, String org, String lang) {
        var o = new LinkedHashMap<String, Object>();
        o.put("org", org);
        o.put("profile", report.profile());
        o.put("year", report.year());
        var lines = new ArrayList<Map<String, Object>>();
        for (QuotaReport.Line l : report.lines()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("rule", l.quota().rule());
            m.put("position", l.quota().position());
            m.put("okpd2", l.quota().okpd2());
            m.put("name", "ru".equals(lang) ? l.quota().nameRu() : l.quota().nameEn());
            m.put("min_share_percent", l.quota().minSharePercent());
            m.put("unverified", l.quota().unverified());
            m.put("items", l.items());
            m.put("domestic_items", l.domesticItems());
            m.put("amount", l.amount());
            m.put("domestic_amount", l.domesticAmount());
            m.put("unpriced_items", l.unpriced());
            m.put("share_by_count", round(l.shareByCount()));
            m.put("share_by_amount", l.shareByAmount() == null ? null : round(l.shareByAmount()));
            m.put("shortfall_items", l.shortfallItems());
            m.put("shortfall_amount", l.shortfallAmount());
            m.put("status", l.status().name());
            lines.add(m);
        }
        o.put("quotas", lines);
        return o;
    }

    /** The column names of {@link #of}'s quota lines, for tables and spreadsheets. */
    public static final List<String> COLUMNS = List.of("position", "okpd2", "name", "min_share_percent", "items", "domestic_items", "share_by_count",
            "amount", "domestic_amount", "share_by_amount", "unpriced_items", "shortfall_items", "shortfall_amount", "status", "unverified");

    private static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }
}
