package ru.zamena.ingest.procurement;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.zamena.ingest.InputException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The plain line-item CSV: header {@code id,date,law,kii,okpd2,name,origin_country,registry_number,price}
 * (columns in any order, extra columns ignored). law is 44-FZ, 223-FZ or none; kii true/false; origin
 * country ISO alpha-2; registry_number empty when none. An optional {@code cpv} column carries a CPV code
 * (EU items); optional {@code quantity} (units bought) and {@code processor_country} (ISO alpha-2 of a
 * computer's processor) are kept with recorded purchases for the dashboard. A bad row is rejected with
 * its line; the rest go on.
 */
public final class LineItemCsvReader {
    public static final List<String> HEADER = List.of("id", "date", "law", "kii", "okpd2", "name", "origin_country", "registry_number", "price");

    private LineItemCsvReader() {}

    public static void read(Reader in, String fileName, ItemSink sink) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = format.parse(in)) {
            var missing = HEADER.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty())
                throw new InputException(fileName, 1, 0, "the header lacks column(s) " + String.join(", ", missing)
                        + " (expected " + String.join(",", HEADER) + ")");
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    if (!row.isConsistent()) throw new IllegalArgumentException("expected " + parser.getHeaderNames().size() + " cells, found " + row.size());
                    sink.item(ItemFields.item(row.get("id"), ItemFields.date(row.get("date")), ItemFields.law(row.get("law")),
                            ItemFields.kii(row.get("kii")), ItemFields.okpd2(row.get("okpd2")), row.isMapped("cpv") ? row.get("cpv") : null, row.get("name"),
                            ItemFields.country(row.get("origin_country")), row.get("registry_number"), ItemFields.price(row.get("price")),
                            optional(row, "quantity", ItemFields::quantity), optional(row, "processor_country", ItemFields::country)),
                            row.getRecordNumber(), line);
                } catch (IllegalArgumentException e) {
                    sink.rejected(InputException.inRecord(fileName, row.getRecordNumber(), line, itemLabel(row) + e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw ProcurementReaders.unreadable(fileName, e);
        }
    }

    private static <T> T optional(CSVRecord row, String column, java.util.function.Function<String, T> parse) {
        return row.isMapped(column) ? parse.apply(row.get(column)) : null;
    }

    private static String itemLabel(CSVRecord row) {
        String id = row.isSet("id") ? row.get("id") : "";
        return id.isBlank() ? "" : "item " + id + ": ";
    }
}
