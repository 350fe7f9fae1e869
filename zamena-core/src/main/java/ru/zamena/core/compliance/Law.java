package ru.zamena.core.compliance;

import java.util.Locale;

/** The procurement law an item is bought under; {@code NONE} for purchases outside both laws. */
public enum Law {
    FZ44("44-FZ"), FZ223("223-FZ"), NONE("none");

    private final String code;

    Law(String code) {
        this.code = code;
    }

    /** As written in inputs and rule packs: {@code 44-FZ}, {@code 223-FZ}, {@code none}. */
    public String code() {
        return code;
    }

    /**
     * Reads the forms people write: 44-FZ, 44-ФЗ, 44фз, 44, 223-FZ..., none/empty. Unknown text is an
     * error rather than a guess, since the law decides which rules apply.
     */
    public static Law parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('ф', 'f').replace('з', 'z')
                .replace(" ", "").replace("-", "").replace("_", "");
        return switch (t) {
            case "44fz", "44" -> FZ44;
            case "223fz", "223" -> FZ223;
            case "none", "" -> NONE;
            default -> throw new IllegalArgumentException("unknown procurement law '" + text + "' (expected 44-FZ, 223-FZ or none)");
        };
    }
}
