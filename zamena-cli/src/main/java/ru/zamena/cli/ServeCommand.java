package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.server.ZamenaServer;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Run the REST API and the web pages.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free port; default ${DEFAULT-VALUE})") int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only)") String host;
    @Option(names = "--demo", description = "Also load the demo ministry 'demo' (agencies, three yearly audits, purchases) and print the URL that opens its dashboard") boolean demo;
    @Option(names = "--format", defaultValue = "table", description = "table (sentences) or json (one object with the URLs, for scripts)") Output.Format format;

    @Override
    public Integer call() throws InterruptedException {
        var z = main.open();
        var out = Output.out();
        String demoKey = null, viewerKey = null;
        if (demo) {
            Caller op = Caller.localOperator();
            DemoCommand.load(z, format == Output.Format.table);
            demoKey = z.tenants().createApiKey(op, "demo", "demo session key", Role.ADMIN).secret();
            // The URL signs the page in read-only: a viewer of the ministry reads it and everything below it.
            viewerKey = z.tenants().createApiKey(op, "demo", "demo viewer key", Role.VIEWER).secret();
        }
        var stats = z.catalog().stats();
        var server = ZamenaServer.start(z, host, port);
        var stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            z.close();
            stop.countDown();
        }));
        if (format == Output.Format.json) {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("url", server.url());
            m.put("api", server.url() + "api/v1/");
            m.put("openapi", server.url() + "api/v1/openapi.yaml");
            m.put("database", z.database().description());
            m.put("products", stats.products());
            m.put("vendors", stats.vendors());
            m.put("alternatives", stats.alternatives());
            if (demoKey != null) {
                m.put("demo_api_key", demoKey);
                m.put("demo_viewer_key", viewerKey);
                m.put("demo_url", demoUrl(server.url(), viewerKey));
            }
            Output.json(out, m);
        } else {
            if (demoKey != null) {
                out.println("Demo organisation 'demo', admin API key (shown once): " + demoKey);
                out.println("Open the demo dashboard (read-only): " + demoUrl(server.url(), viewerKey));
            }
            out.println("Catalog: " + stats.products() + " products, " + stats.vendors() + " vendors, " + stats.alternatives() + " alternatives.");
            out.println("Database: " + z.database().description());
            out.println("Zamena is serving at " + server.url() + "  (API: " + server.url() + "api/v1/, spec: " + server.url() + "api/v1/openapi.yaml). Ctrl+C stops.");
        }
        stop.await();
        return 0;
    }

    static String demoUrl(String base, String viewerKey) {
        return base + "dashboard.html#key=" + viewerKey + "&org=demo";
    }
}
