package ru.zamena.ingest.inventory.table;

import ru.zamena.ingest.InputException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which column of a spreadsheet holds what. A user's mapping decides where given; the rest is
 * recognised from the header row by the words Russian and English inventories use. When several
 * columns fit one role, the one with the more specific header wins (the earlier in the list below,
 * then the leftmost) and a warning says which was taken.
 */
final class Columns {
    enum Role {
        NAME("name", "name", "display name", "displayname", "software name", "program name", "product name", "application name",
                "название программы", "наименование программы", "название по", "наименование по", "название продукта",
                "наименование продукта", "наименование программного обеспечения", "программное обеспечение",
                "название", "наименование", "имя программы", "программа", "приложение", "продукт", "по",
                "program", "software", "product", "application", "title"),
        PUBLISHER("publisher", "publisher", "vendor", "manufacturer", "developer", "издатель", "производитель", "разработчик",
                "правообладатель", "вендор", "поставщик"),
        VERSION("version", "version", "displayversion", "display version", "ver", "версия", "версия по"),
        HOST("host", "computer name", "computer", "hostname", "host name", "host", "machine", "device name", "имя компьютера",
                "компьютер", "арм", "имя хоста", "хост", "рабочая станция", "устройство"),
        QUANTITY("quantity", "quantity", "qty", "count", "seats", "licenses", "licences", "number of licenses",
                "количество лицензий", "число лицензий", "количество", "кол-во", "кол-во лицензий", "лицензий", "лицензии");

        final String key;
        final List<String> headers;

        Role(String key, String... headers) {
            this.key = key;
            this.headers = List.of(headers);
        }
    }

    static final String KEYS = "name, publisher, version, host, quantity";

    private final Map<Role, Integer> index;
    private final List<String> headers;

    private Columns(Map<Role, Integer> index, List<String> headers) {
        this.index = index;
        this.headers = headers;
    }

    /** The 0-based column of {@code role}, or -1 when the table has none. */
    int of(Role role) {
        return index.getOrDefault(role, -1);
    }

    int width() {
        return headers.size();
    }

    /** True when {@code header} names a software column on its own (used to tell a table from other text). */
    static boolean isNameHeader(String header) {
        return Role.NAME.headers.contains(normal(header));
    }

    /**
     * Decides the columns from the header row and the user's mapping.
     *
     * @param at       a problem at the header row, in the words of the reader (line of a CSV, row of a sheet)
     * @param warnings receives a note for each role several columns could fill
     * @throws InputException when the mapping names an unknown key or column, or no name column is found
     */
    static Columns decide(List<String> headers, Map<String, String> mapping, Function<String, InputException> at,
                          List<InputException> warnings) {
        Map<Role, Integer> index = new EnumMap<>(Role.class);
        for (var e : mapping.entrySet()) {
            Role role = role(e.getKey(), at);
            index.put(role, mapped(e.getKey(), e.getValue(), headers, at));
        }
        for (Role role : Role.values()) {
            if (index.containsKey(role)) continue;
            List<Integer> candidates = candidates(role, headers, index);
            if (candidates.isEmpty()) continue;
            index.put(role, candidates.getFirst());
            if (candidates.size() > 1) {
                warnings.add(at.apply("several columns could be the " + role.key + ": "
                        + candidates.stream().map(i -> describe(i, headers)).collect(Collectors.joining(", "))
                        + "; using " + describe(candidates.getFirst(), headers) + " (pass a mapping " + role.key + "=<header> to choose)"));
            }
        }
        if (!index.containsKey(Role.NAME)) {
            throw at.apply("no name column; headers are: " + quoted(headers)
                    + "; pass a mapping name=<header> (or a column letter or number)");
        }
        return new Columns(index, List.copyOf(headers));
    }

    /** Header cells that fit {@code role} and no other role took, most specific header first. */
    private static List<Integer> candidates(Role role, List<String> headers, Map<Role, Integer> taken) {
        List<Integer> found = new ArrayList<>();
        for (String synonym : role.headers) {
            for (int i = 0; i < headers.size(); i++) {
                if (!taken.containsValue(i) && !found.contains(i) && normal(headers.get(i)).equals(synonym)) found.add(i);
            }
        }
        return found;
    }

    private static Role role(String key, Function<String, InputException> at) {
        for (Role r : Role.values()) if (r.key.equalsIgnoreCase(key == null ? "" : key.strip())) return r;
        throw at.apply("unknown column mapping key '" + key + "'; the keys are " + KEYS);
    }

    /** A mapped column: a header (case-insensitive), else a column letter (A, B, ..., AA) or a 1-based number. */
    private static int mapped(String key, String value, List<String> headers, Function<String, InputException> at) {
        String v = value == null ? "" : value.strip();
        for (int i = 0; i < headers.size(); i++) if (normal(headers.get(i)).equals(normal(v)) && !v.isEmpty()) return i;
        int column = -1;
        if (v.matches("[0-9]{1,5}")) column = Integer.parseInt(v) - 1;
        else if (v.matches("[A-Za-z]{1,3}")) column = letterIndex(v);
        if (column < 0 || column >= Math.max(headers.size(), 1) && !headers.isEmpty()) {
            throw at.apply("the mapping " + key + "=" + value + " names no column; headers are: "
                    + quoted(headers) + " (a header, a column letter A-" + letter(Math.max(headers.size() - 1, 0))
                    + " or a number 1-" + headers.size() + ")");
        }
        return column;
    }

    static int letterIndex(String letters) {
        int n = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }

    static String letter(int index) {
        var sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) sb.insert(0, (char) ('A' + (n - 1) % 26));
        return sb.toString();
    }

    private static String describe(int i, List<String> headers) {
        return "'" + headers.get(i) + "' (" + letter(i) + ")";
    }

    static String quoted(List<String> headers) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) seen.put(letter(i), "'" + headers.get(i) + "'");
        return seen.isEmpty() ? "(none)" : String.join(", ", seen.values());
    }

    /** A header as compared: lower case, ё as е, single spaces, no surrounding punctuation. */
    static String normal(String header) {
        if (header == null) return "";
        String s = header.replace('\u00A0', ' ').replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace('ё', 'е');
        s = s.replaceAll("\\s+", " ").strip();
        return s.replaceAll("^[\\p{Punct}\\s]+|[:.*\\s]+$", "");
    }
}
