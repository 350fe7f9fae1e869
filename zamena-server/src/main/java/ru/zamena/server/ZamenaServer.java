package ru.zamena.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import ru.zamena.app.Zamena;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The HTTP face of Zamena: the REST API under {@value #API} (contract: {@code openapi.yaml},
 * served at {@code /api/v1/openapi.yaml}) and the web page at {@code /}. Start one with
 * {@link #start(Zamena, String, int)}; it serves until {@link #stop()}.
 */
public final class ZamenaServer implements AutoCloseable {
    public static final String API = "/api/v1";
    private static final String SPEC_RESOURCE = "/openapi.yaml";
    // The page uses only its own files and this API; nothing may load from elsewhere or frame it.
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * How to serve. {@code host} is the address to bind ({@code 127.0.0.1}: this machine only),
     * {@code port} 0 picks any free port, {@code maxUploadBytes} caps registry uploads.
     */
    public record Options(String host, int port, long maxUploadBytes) {
        public static final long DEFAULT_MAX_UPLOAD = 256L << 20;

        public Options {
            if (host == null || host.isBlank()) host = "127.0.0.1";
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535");
            if (maxUploadBytes <= 0) throw new IllegalArgumentException("maxUploadBytes must be positive");
        }

        public static Options of(String host, int port) {
            return new Options(host, port, DEFAULT_MAX_UPLOAD);
        }
    }

    /** One API route: method and path under {@value #API}, as listed in openapi.yaml. */
    record Route(HandlerType method, String path, Handler handler) {
        @Override public String toString() { return method.name() + " " + path; }
    }

    private final Javalin app;
    private final String host;
    private final List<Route> routes;

    private ZamenaServer(Javalin app, String host, List<Route> routes) {
        this.app = app;
        this.host = host;
        this.routes = routes;
    }

    /** Serves {@code zamena} on {@code host:port} (port 0: any free port). */
    public static ZamenaServer start(Zamena zamena, String host, int port) {
        return start(zamena, Options.of(host, port));
    }

    public static ZamenaServer start(Zamena zamena, Options options) {
        return start(zamena, options, RegistryImports.of(zamena));
    }

    /** With a given registry import, so tests can exercise /imports without the import service. */
    static ZamenaServer start(Zamena zamena, Options options, RegistryImports imports) {
        ObjectMapper json = JsonMapping.mapper();
        var problems = new Problems(json);
        var auth = new Auth(zamena.tenants());
        byte[] spec = resource(SPEC_RESOURCE);
        // The one place the reconciliation service gets its matcher.
        var reconciliation = new ReconciliationRoutes(zamena.catalog(), zamena.matcher());
        List<Route> routes = routes(new CatalogRoutes(zamena.catalog()), new OrgRoutes(zamena.tenants(), json),
                new ImportRoutes(imports, options.maxUploadBytes()), new CheckRoutes(zamena.compliance()),
                new QuotaRoutes(zamena.purchases(), options.maxUploadBytes()), new SovereigntyRoutes(zamena.compliance()), reconciliation,
                ctx -> ctx.contentType("application/yaml; charset=utf-8").result(spec),
                new AuditRoutes(zamena.audits(), options.maxUploadBytes()), new ReviewRoutes(zamena.review()),
                new DashboardRoutes(zamena.dashboard(), zamena.progressReports()));
        Javalin app = Javalin.create(config -> {
            configure(config, json, problems, auth, routes);
            // Audit uploads are multipart; cap them like registry uploads, spilling large files to disk.
            config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
        });
        app.start(options.host(), options.port());
        return new ZamenaServer(app, options.host(), routes);
    }

    /** The API, in the order of openapi.yaml. Adding a route here means adding it there (a test compares them). */
    private static List<Route> routes(CatalogRoutes catalog, OrgRoutes orgs, ImportRoutes imports, CheckRoutes check,
                                      QuotaRoutes quotas, SovereigntyRoutes sovereignty, ReconciliationRoutes recon, Handler spec,
                                      AuditRoutes audits, ReviewRoutes review, DashboardRoutes dashboard) {
        return List.of(
                new Route(HandlerType.GET, "/openapi.yaml", spec),
                new Route(HandlerType.GET, "/products", catalog::products),
                new Route(HandlerType.GET, "/products/{id}", catalog::product),
                new Route(HandlerType.GET, "/products/{id}/alternatives", catalog::alternatives),
                new Route(HandlerType.GET, "/vendors", catalog::vendors),
                new Route(HandlerType.GET, "/vendors/{id}", catalog::vendor),
                new Route(HandlerType.GET, "/categories", catalog::categories),
                new Route(HandlerType.GET, "/platforms", catalog::platforms),
                new Route(HandlerType.GET, "/stats", catalog::stats),
                new Route(HandlerType.GET, ReconciliationRoutes.PATH, recon::service),
                new Route(HandlerType.POST, ReconciliationRoutes.PATH, recon::service),
                new Route(HandlerType.GET, ReconciliationRoutes.PATH + "/suggest/entity", recon::suggestEntity),
                new Route(HandlerType.GET, ReconciliationRoutes.PATH + "/suggest/type", recon::suggestType),
                new Route(HandlerType.GET, ReconciliationRoutes.PATH + "/suggest/property", recon::suggestProperty),
                new Route(HandlerType.GET, ReconciliationRoutes.PATH + "/preview", recon::preview),
                new Route(HandlerType.GET, ReconciliationRoutes.PATH + "/properties", recon::proposeProperties),
                new Route(HandlerType.GET, "/imports", imports::list),
                new Route(HandlerType.POST, "/imports", imports::upload),
                new Route(HandlerType.POST, "/check", check::check),
                new Route(HandlerType.POST, "/sovereignty", sovereignty::score),
                new Route(HandlerType.GET, "/orgs", orgs::list),
                new Route(HandlerType.POST, "/orgs", orgs::create),
                new Route(HandlerType.GET, "/orgs/{org}", orgs::get),
                new Route(HandlerType.PATCH, "/orgs/{org}", orgs::update),
                new Route(HandlerType.GET, "/orgs/{org}/api-keys", orgs::apiKeys),
                new Route(HandlerType.POST, "/orgs/{org}/api-keys", orgs::createApiKey),
                new Route(HandlerType.DELETE, "/orgs/{org}/api-keys/{prefix}", orgs::revokeApiKey),
                new Route(HandlerType.GET, "/orgs/{org}/aliases", orgs::aliases),
                new Route(HandlerType.GET, "/orgs/{org}/aliases/{alias}", orgs::alias),
                new Route(HandlerType.PUT, "/orgs/{org}/aliases/{alias}", orgs::putAlias),
                new Route(HandlerType.DELETE, "/orgs/{org}/aliases/{alias}", orgs::deleteAlias),
                new Route(HandlerType.GET, "/orgs/{org}/audit-log", orgs::auditLog),
                new Route(HandlerType.GET, "/orgs/{org}/quotas", quotas::quotas),
                new Route(HandlerType.GET, "/orgs/{org}/purchases", quotas.recorded::list),
                new Route(HandlerType.POST, "/orgs/{org}/purchases", quotas.recorded::record),
                // Inventory audits and the review queue
                new Route(HandlerType.GET, "/orgs/{org}/audits", audits::list),
                new Route(HandlerType.POST, "/orgs/{org}/audits", audits::create),
                new Route(HandlerType.GET, "/orgs/{org}/audits/{id}", audits::get),
                new Route(HandlerType.GET, "/orgs/{org}/audits/{id}/items", audits::items),
                new Route(HandlerType.GET, "/orgs/{org}/audits/{id}/diff/{other}", audits::diff),
                new Route(HandlerType.GET, "/orgs/{org}/review", review::queue),
                new Route(HandlerType.POST, "/orgs/{org}/review/{id}", review::decide),
                new Route(HandlerType.POST, "/orgs/{org}/aliases/promote", review::promote),
                // Targets, progress and forecasts (issue 6)
                new Route(HandlerType.GET, "/orgs/{org}/tree", dashboard::tree),
                new Route(HandlerType.GET, "/orgs/{org}/measures", dashboard::measures),
                new Route(HandlerType.GET, "/orgs/{org}/breakdown", dashboard::breakdown),
                new Route(HandlerType.GET, "/orgs/{org}/top-foreign", dashboard::topForeign),
                new Route(HandlerType.GET, "/orgs/{org}/targets", dashboard::targets),
                new Route(HandlerType.PUT, "/orgs/{org}/targets/{measure}", dashboard::putTarget),
                new Route(HandlerType.GET, "/orgs/{org}/report", dashboard::report));
    }

    private static void configure(JavalinConfig config, ObjectMapper json, Problems problems, Auth auth, List<Route> routes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(json, false));
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = 1L << 20; // JSON bodies; uploads stream past this with their own limit
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Content-Security-Policy", PAGE_POLICY, "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer");
        });
        config.routes.addHttpHandler(HandlerType.GET, EChartsWebjar.PATH, EChartsWebjar::serve); // the dashboard's charts, from their webjar
        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        config.routes.before(API + "/*", auth::authenticate);
        config.routes.before(API + "/orgs*", ZamenaServer::privateResponse);
        config.routes.before(API + "/imports*", ZamenaServer::privateResponse);
        // The reconciliation service is for other origins' pages (OpenRefine); CORS preflight is not an operation of the contract.
        config.routes.before(API + ReconciliationRoutes.PATH + "*", ReconciliationRoutes::allowAnyOrigin);
        for (String p : ReconciliationRoutes.PATHS) config.routes.addHttpHandler(HandlerType.OPTIONS, API + p, ReconciliationRoutes::preflight);
        for (Route r : routes) config.routes.addHttpHandler(r.method(), API + r.path(), r.handler());
        config.routes.exception(HttpResponseException.class, problems::handle);
        config.routes.exception(Exception.class, problems::handle);
        config.routes.error(404, problems::noRoute);
        config.routes.error(405, problems::noRoute);
    }

    /** Organisation data and key secrets must not stay in shared caches. */
    private static void privateResponse(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ZamenaServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return app.port();
    }

    /** The base URL, ending in '/': the web page; the API is at {@code url() + "api/v1/"}. */
    public String url() {
        String h = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "localhost"; // bound to every address: this machine reaches it as localhost
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return "http://" + h + ":" + port() + "/";
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The API routes, for the contract test. */
    List<Route> routes() {
        return routes;
    }
}
