package ru.zamena.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the dashboard's chart library lies on the classpath: the ECharts webjar (a Maven dependency),
 * so the product ships it and no page ever loads it from a CDN. The server maps its {@code dist}
 * folder to {@value #HOSTED_PATH}, e.g. {@code /vendor/echarts.min.js}.
 */
final class EChartsWebjar {
    static final String HOSTED_PATH = "/vendor";
    private static final String POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private EChartsWebjar() {
    }

    /** The classpath folder holding echarts.min.js; the version comes from the webjar itself, so upgrades need no code change. */
    static String directory() {
        try (InputStream in = EChartsWebjar.class.getResourceAsStream(POM)) {
            if (in == null) throw new IllegalStateException("the ECharts webjar is missing from the classpath (" + POM + ")");
            var p = new Properties();
            p.load(in);
            return "/META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
