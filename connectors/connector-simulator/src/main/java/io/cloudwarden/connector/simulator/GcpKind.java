package io.cloudwarden.connector.simulator;

import static io.cloudwarden.connector.simulator.Mutation.POWER;
import static io.cloudwarden.connector.simulator.Mutation.RESIZE;
import static io.cloudwarden.connector.simulator.Mutation.RULE;
import static io.cloudwarden.connector.simulator.Mutation.SECURITY;
import static io.cloudwarden.connector.simulator.Mutation.TAGS;

/** The simulated GCP resource types, by Cloud Asset Inventory asset type, with their API discovery names. */
enum GcpKind implements ResourceKind {
    NETWORK("compute.googleapis.com/Network", "Network", false, true, RESIZE),
    SUBNETWORK("compute.googleapis.com/Subnetwork", "Subnetwork", false, false, SECURITY),
    FIREWALL("compute.googleapis.com/Firewall", "Firewall", false, true, RULE, SECURITY),
    IMAGE("compute.googleapis.com/Image", "Image", true, true, TAGS),
    BUCKET("storage.googleapis.com/Bucket", "Bucket", true, false, SECURITY, TAGS),
    SERVICE_ACCOUNT("iam.googleapis.com/ServiceAccount", "ServiceAccount", false, true, POWER),
    SERVICE_ACCOUNT_KEY("iam.googleapis.com/ServiceAccountKey", "ServiceAccountKey", false, true, POWER),
    CRYPTO_KEY("cloudkms.googleapis.com/CryptoKey", "CryptoKey", true, false, SECURITY, TAGS),
    SQL_INSTANCE("sqladmin.googleapis.com/Instance", "DatabaseInstance", true, false, RESIZE, POWER, SECURITY, TAGS),
    DISK("compute.googleapis.com/Disk", "Disk", true, false, RESIZE, TAGS),
    ADDRESS("compute.googleapis.com/Address", "Address", true, false, TAGS),
    INSTANCE("compute.googleapis.com/Instance", "Instance", true, false, RESIZE, POWER, TAGS),
    SNAPSHOT("compute.googleapis.com/Snapshot", "Snapshot", true, true, TAGS),
    FORWARDING_RULE("compute.googleapis.com/ForwardingRule", "ForwardingRule", true, false, TAGS),
    CLOUD_FUNCTION("cloudfunctions.googleapis.com/CloudFunction", "CloudFunction", true, false, RESIZE, TAGS),
    CLUSTER("container.googleapis.com/Cluster", "Cluster", true, false, RESIZE, TAGS);

    private final String type;
    private final String discoveryName;
    private final boolean taggable;
    private final boolean global;
    private final Mutation[] mutations;

    GcpKind(String type, String discoveryName, boolean taggable, boolean global, Mutation... mutations) {
        this.type = type;
        this.discoveryName = discoveryName;
        this.taggable = taggable;
        this.global = global;
        this.mutations = mutations;
    }

    @Override
    public String type() {
        return type;
    }

    String discoveryName() {
        return discoveryName;
    }

    /** The API host, e.g. {@code compute.googleapis.com}. */
    String service() {
        return type.substring(0, type.indexOf('/'));
    }

    @Override
    public boolean taggable() {
        return taggable;
    }

    @Override
    public boolean global() {
        return global;
    }

    @Override
    public Mutation[] mutations() {
        return mutations;
    }
}
