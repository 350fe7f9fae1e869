package ru.zamena.server;

import ru.zamena.app.Zamena;
import ru.zamena.core.tenancy.Caller;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code /imports} needs from the registry import: run an import of a file, list past runs.
 * A seam so the HTTP layer (auth, upload, limits) is built and tested while the import service
 * is still being written.
 */
interface RegistryImports {
    /** Imports {@code file}; {@code fileName} is the name the client gave (its extension tells the format). */
    Dto.ImportRun importFile(Caller caller, Path file, String fileName);

    List<Dto.ImportRun> runs(int limit);

    /**
     * The registry import of this installation.
     * <p>TODO(imports): wire {@code zamena.registry()} (RegistryImportService, being written in
     * zamena-app; the installed zamena-app has no methods yet) once its API settles. With the
     * signatures of the work in progress that is:
     * <pre>{@code
     * return new RegistryImports() {
     *     public Dto.ImportRun importFile(Caller c, Path file, String name) {
     *         try { return Dto.importRun(zamena.registry().importFile(c, file, null)); }
     *         catch (InputException e) { throw new ApiException(400, e.getMessage(), "body"); } // unreadable export
     *     }
     *     public List<Dto.ImportRun> runs(int limit) {
     *         return zamena.registry().runs(limit).stream().map(Dto::importRun).toList();
     *     }
     * };
     * }</pre>
     * and ImportsApiTest#withoutTheImportServiceTheRoutesSay501 becomes a real import of a small
     * export. Until then both routes answer 501 Not Implemented.
     */
    static RegistryImports of(Zamena zamena) {
        return NOT_READY;
    }

    RegistryImports NOT_READY = new RegistryImports() {
        @Override public Dto.ImportRun importFile(Caller caller, Path file, String fileName) { throw notReady(); }
        @Override public List<Dto.ImportRun> runs(int limit) { throw notReady(); }

        private ApiException notReady() {
            return new ApiException(501, "registry imports over HTTP are not available yet; use 'zamena import registry'", null);
        }
    };
}
