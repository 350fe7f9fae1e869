package ru.zamena.server;

import ru.zamena.app.Zamena;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.ingest.InputException;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code /imports} needs from the registry import: run an import of a file, list past runs.
 * A seam so the HTTP concerns (auth, upload, limits, error mapping) are tested with a stand-in.
 */
interface RegistryImports {
    /** Imports {@code file}; {@code fileName} is the name the client gave (its extension tells the format). */
    Dto.ImportRun importFile(Caller caller, Path file, String fileName);

    List<Dto.ImportRun> runs(int limit);

    /** The registry import of this installation. An unreadable export is the client's error: 400 naming file and position. */
    static RegistryImports of(Zamena zamena) {
        return new RegistryImports() {
            @Override
            public Dto.ImportRun importFile(Caller caller, Path file, String fileName) {
                try {
                    return Dto.importRun(zamena.registry().importFile(caller, file, null));
                } catch (InputException e) {
                    throw new ApiException(400, e.getMessage(), "body");
                }
            }

            @Override
            public List<Dto.ImportRun> runs(int limit) {
                return zamena.registry().runs(limit).stream().map(Dto::importRun).toList();
            }
        };
    }
}
