package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.CloudProvider;

import java.util.List;
import java.util.regex.Pattern;

/** The clouds the simulator imitates, with their account id format and region names. */
enum SimulatedCloud {
    AWS(CloudProvider.AWS, Pattern.compile("\\d{12}"), "must be a 12-digit AWS account id",
            List.of("us-east-1", "eu-west-1"),
            List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1",
                    "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-southeast-1",
                    "ap-southeast-2", "ap-northeast-1")),
    AZURE(CloudProvider.AZURE,
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            "must be an Azure subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)",
            List.of("eastus", "westeurope"),
            List.of("eastus", "eastus2", "westus", "westus2", "centralus", "canadacentral", "brazilsouth",
                    "northeurope", "westeurope", "uksouth", "francecentral", "germanywestcentral", "southeastasia",
                    "japaneast", "australiaeast")),
    GCP(CloudProvider.GCP, Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]"),
            "must be a GCP project id: 6 to 30 lower-case letters, digits or hyphens, starting with a letter",
            List.of("us-central1", "europe-west1"),
            List.of("us-central1", "us-east1", "us-east4", "us-west1", "northamerica-northeast1",
                    "southamerica-east1", "europe-west1", "europe-west2", "europe-west3", "europe-north1",
                    "asia-east1", "asia-southeast1", "asia-northeast1", "australia-southeast1"));

    private final CloudProvider provider;
    private final Pattern accountPattern;
    private final String accountProblem;
    private final List<String> defaultRegions;
    private final List<String> knownRegions;

    SimulatedCloud(CloudProvider provider, Pattern accountPattern, String accountProblem,
                   List<String> defaultRegions, List<String> knownRegions) {
        this.provider = provider;
        this.accountPattern = accountPattern;
        this.accountProblem = accountProblem;
        this.defaultRegions = defaultRegions;
        this.knownRegions = knownRegions;
    }

    /** Parses the {@code provider} config value (aws, azure, gcp). */
    static SimulatedCloud fromWireName(String value) {
        for (SimulatedCloud c : values()) {
            if (c.wireName().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + value + "'");
    }

    CloudProvider provider() {
        return provider;
    }

    String wireName() {
        return provider.wireName();
    }

    boolean accountIdFits(String accountId) {
        return accountPattern.matcher(accountId).matches();
    }

    String accountProblem() {
        return accountProblem;
    }

    List<String> defaultRegions() {
        return defaultRegions;
    }

    List<String> knownRegions() {
        return knownRegions;
    }
}
