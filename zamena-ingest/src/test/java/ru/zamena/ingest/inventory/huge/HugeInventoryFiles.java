package ru.zamena.ingest.inventory.huge;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes big realistic inventories for memory tests: a CycloneDX JSON BOM and a Russian CSV (CP1251,
 * semicolons, quoted publishers), each of about the size asked for. Returns how many items were written.
 */
public final class HugeInventoryFiles {
    private static final String[] VENDORS = {"Microsoft Corporation", "ООО \"\"Новые облачные технологии\"\"", "Базальт СПО",
            "АО \"\"Лаборатория Касперского\"\"", "Mozilla", "1С-Софт", "Adobe Inc.", "РусБИТех-Астра"};

    private HugeInventoryFiles() {}

    /** A CycloneDX 1.5 JSON BOM of flat library components; about {@code bytes} long. */
    public static long cycloneDx(Path file, long bytes) throws IOException {
        long items = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"metadata\":{\"component\":{\"name\":\"huge\"}},\"components\":[\n");
            long written = 0;
            while (written < bytes) {
                String c = (items == 0 ? "" : ",\n") + "{\"type\":\"library\",\"name\":\"библиотека-" + items + "\",\"version\":\"" + (items % 7) + "."
                        + (items % 13) + "." + (items % 101) + "\",\"publisher\":\"" + VENDORS[(int) (items % VENDORS.length)].replace("\"\"", "\\\"")
                        + "\",\"purl\":\"pkg:generic/lib-" + items + "@1.0\"}";
                out.write(c);
                written += c.length() + 10; // Cyrillic takes two bytes in UTF-8; close enough for a size target
                items++;
            }
            out.write("\n],\"dependencies\":[]}\n");
        }
        return items;
    }

    /** A CSV in CP1251 with ';', as Russian Excel saves it; about {@code bytes} long. */
    public static long russianCsv(Path file, long bytes) throws IOException {
        long items = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, Charset.forName("windows-1251")), 1 << 16)) {
            out.write("Имя компьютера;Наименование;Версия;Издатель;Количество\r\n");
            long written = 0;
            while (written < bytes) {
                String row = "ARM-" + (items % 5000) + ";Программа " + items + ";" + (items % 17) + ".0." + (items % 1000) + ";\""
                        + VENDORS[(int) (items % VENDORS.length)] + "\";" + (1 + items % 50) + "\r\n";
                out.write(row);
                written += row.length();
                items++;
            }
        }
        return items;
    }
}
