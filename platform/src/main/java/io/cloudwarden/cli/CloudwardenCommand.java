package io.cloudwarden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cloudwarden} command and its subcommands. */
@Command(name = "cloudwarden", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Cloudwarden: one control tower for AWS, Azure and GCP estates.",
        subcommands = {DemoCommand.class, ServeCommand.class, BenchCommand.class, VerifyLogCommand.class, IngestCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public class CloudwardenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Runs the command line. Commands that start a server return once it is up and keep the JVM alive
     * through the server's threads; the others exit with their status.
     */
    public static void main(String[] args) {
        int code = new CommandLine(new CloudwardenCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0 || !ServerStart.serverRunning()) {
            System.exit(code);
        }
    }
}
