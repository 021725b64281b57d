package io.cloudwarden.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Prints the version and build time recorded by the build. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version and exit.")
class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println(versionLine());
        return 0;
    }

    static String versionLine() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return "cloudwarden " + p.getProperty("build.version", "unknown") + " (built " + p.getProperty("build.time", "unknown")
                + ", Java " + System.getProperty("java.version") + ")";
    }

    static class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionLine()};
        }
    }
}
