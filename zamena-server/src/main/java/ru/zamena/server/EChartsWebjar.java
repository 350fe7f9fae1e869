package ru.zamena.server;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The dashboard's chart library, served at {@value #PATH} from the ECharts webjar (a Maven dependency):
 * the product ships it and no page ever loads it from a CDN. The version comes from the webjar itself,
 * so an upgrade is a change of the version in the pom only.
 */
final class EChartsWebjar {
    static final String PATH = "/vendor/echarts.min.js";
    private static final String POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static volatile byte[] script;

    private EChartsWebjar() {
    }

    static void serve(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.result(script());
    }

    private static byte[] script() {
        byte[] s = script;
        if (s == null) script = s = read("/META-INF/resources/webjars/echarts/" + version() + "/dist/echarts.min.js");
        return s;
    }

    private static String version() {
        try (InputStream in = open(POM)) {
            var p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = EChartsWebjar.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("the ECharts webjar is missing from the classpath (" + name + ")");
        return in;
    }
}
