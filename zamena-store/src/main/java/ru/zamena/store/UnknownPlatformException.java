package ru.zamena.store;

import ru.zamena.core.catalog.Platform;

import java.util.List;
import java.util.Locale;

/** The user named a CPU or OS we do not know; the message lists the ones we do. */
public class UnknownPlatformException extends IllegalArgumentException {
    public UnknownPlatformException(Platform.Kind kind, String word, List<String> known) {
        super("unknown " + kind.name().toLowerCase(Locale.ROOT) + " '" + word + "'; known: " + String.join(", ", known));
    }
}
