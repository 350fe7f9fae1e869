package ru.zamena.ingest.inventory.table;

import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;

import java.nio.file.Path;
import java.util.Map;

/** Opens spreadsheets (CSV, XLSX) of software with a column mapping. */
public final class TableReaders {
    private TableReaders() {}

    /** True when the text starts with a header row that names a software column, or a mapping says it is a table. */
    public static boolean isTable(String head, Map<String, String> columns) {
        return false;
    }

    /** True when the first line is split into several columns by ';', ',' or a tab. */
    public static boolean isDelimited(String head) {
        return false;
    }

    public static InventoryReader openCsv(Path file, String name, Map<String, String> columns) {
        throw new InputException(name, 0, 0, "CSV inventories are not supported yet");
    }

    public static InventoryReader openXlsx(Path file, String name, Map<String, String> columns) {
        throw new InputException(name, 0, 0, "XLSX inventories are not supported yet");
    }
}
