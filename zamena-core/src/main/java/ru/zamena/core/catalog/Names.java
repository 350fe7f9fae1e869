package ru.zamena.core.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

final class Names {
    private Names() {}

    static List<String> distinct(String name, String nameRu, List<String> aliases) {
        var all = new LinkedHashSet<String>();
        if (name != null && !name.isBlank()) all.add(name.strip());
        if (nameRu != null && !nameRu.isBlank()) all.add(nameRu.strip());
        for (String a : aliases) if (a != null && !a.isBlank()) all.add(a.strip());
        return new ArrayList<>(all);
    }
}
