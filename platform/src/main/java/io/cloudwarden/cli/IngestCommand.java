package io.cloudwarden.cli;

import picocli.CommandLine.Command;

/** {@code cloudwarden ingest ...}: feeds data into a running Cloudwarden. */
@Command(name = "ingest", mixinStandardHelpOptions = true, subcommands = IngestCostsCommand.class,
        description = "Feed data into a running Cloudwarden server.")
class IngestCommand {
}
