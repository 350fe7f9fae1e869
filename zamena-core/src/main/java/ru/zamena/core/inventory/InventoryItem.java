package ru.zamena.core.inventory;

/**
 * One piece of software (or hardware) as an inventory or SBOM lists it, before matching to the
 * catalog. Only {@code name} is required; everything else is what the source happened to say.
 *
 * @param name      the raw name as written in the source ("Microsoft Office Professional Plus 2019 - ru-ru")
 * @param version   the raw version, if any
 * @param publisher vendor / publisher / supplier as written in the source
 * @param purl      package URL when the source gives one (SBOMs)
 * @param cpe       CPE 2.2 or 2.3 string when the source gives one
 * @param type      what the source calls it: application, library, operating-system, package, firmware, device...
 * @param arch      architecture when given (x86_64, amd64, i386, arm64, e2k...)
 * @param host      the computer it was found on, when the source says (GLPI, OCS, osquery)
 * @param position  where in the file: line number, or the item's index when lines mean nothing (JSON)
 * @param quantity  how many seats or licences the line stands for (a spreadsheet's "Количество"); 1 elsewhere
 */
public record InventoryItem(String name, String version, String publisher, String purl, String cpe,
                            String type, String arch, String host, long position, int quantity) {
    public InventoryItem {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an inventory item needs a name");
        if (quantity < 1) throw new IllegalArgumentException("the quantity of an inventory item must be at least 1, was " + quantity);
        name = name.strip();
    }

    /** One item as found once: every source but a spreadsheet with a quantity column. */
    public InventoryItem(String name, String version, String publisher, String purl, String cpe,
                         String type, String arch, String host, long position) {
        this(name, version, publisher, purl, cpe, type, arch, host, position, 1);
    }
}
