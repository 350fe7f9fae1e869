package ru.zamena.core.compliance;

import java.util.regex.Pattern;

/** OKPD2 codes (OK 034-2014): {@code NN}, {@code NN.N}, {@code NN.NN}, {@code NN.NN.N}, {@code NN.NN.NN}, {@code NN.NN.NN.NNN}. */
public final class Okpd2 {
    private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{1,2}(\\.\\d{1,2}(\\.\\d{3})?)?)?");

    private Okpd2() {}

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * True when {@code code} lies under {@code prefix} in the hierarchy: "26.20.11.110" is under "26.20.1"
     * and "26.20", but "26.2" is not under "26.20" and "26.201" does not exist.
     */
    public static boolean under(String code, String prefix) {
        if (code == null || !code.startsWith(prefix)) return false;
        if (code.length() == prefix.length()) return true;
        // A prefix that ends a whole level ("26.20") must be followed by a dot; one that ends inside a
        // level ("26.20.1", the subgroup digit) may be followed by the rest of that level.
        char next = code.charAt(prefix.length());
        String lastLevel = prefix.substring(prefix.lastIndexOf('.') + 1);
        boolean wholeLevel = prefix.indexOf('.') < 0 || lastLevel.length() >= 2;
        return wholeLevel ? next == '.' : Character.isDigit(next);
    }
}
