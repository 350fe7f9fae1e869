package ru.zamena.core.compliance;

/**
 * A minimum share of domestic goods in a customer's yearly purchases for one quota position
 * (e.g. Decree No. 2013's annex): position code, its OKPD2 prefix, the year and the share in percent.
 */
public record Quota(String rule, String position, String okpd2, String nameRu, String nameEn, int year, double minSharePercent, boolean unverified) {}
