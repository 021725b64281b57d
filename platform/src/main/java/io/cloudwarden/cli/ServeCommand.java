package io.cloudwarden.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Runs the server with configuration from application.yaml and CLOUDWARDEN_* environment variables. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server with configuration from application.yaml and the environment.",
                "Configuration comes from application.yaml, CLOUDWARDEN_* environment variables and --key=value Spring "
                        + "options (e.g. --server.port=9090). With CLOUDWARDEN_DB_URL unset, an embedded PostgreSQL keeps its "
                        + "data in CLOUDWARDEN_DB_DATA_DIR (default ~/.cloudwarden/data). See docs/configuration.md for every key."})
class ServeCommand implements Callable<Integer> {

    @Unmatched
    String[] springArgs = new String[0];

    @Override
    public Integer call() {
        ServerStart.start(Map.of(), springArgs);
        ServerStart.markServerRunning();
        return 0;
    }
}
