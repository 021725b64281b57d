package io.cloudwarden.connector.simulator;

import static io.cloudwarden.connector.simulator.Mutation.POWER;
import static io.cloudwarden.connector.simulator.Mutation.RESIZE;
import static io.cloudwarden.connector.simulator.Mutation.RULE;
import static io.cloudwarden.connector.simulator.Mutation.SECURITY;
import static io.cloudwarden.connector.simulator.Mutation.TAGS;

/** The simulated Azure resource types, by ARM type name. */
enum AzureKind implements ResourceKind {
    VIRTUAL_NETWORK("Microsoft.Network/virtualNetworks", TAGS),
    NETWORK_SECURITY_GROUP("Microsoft.Network/networkSecurityGroups", RULE, SECURITY, TAGS),
    IMAGE("Microsoft.Compute/images", TAGS),
    STORAGE_ACCOUNT("Microsoft.Storage/storageAccounts", SECURITY, TAGS),
    KEY_VAULT("Microsoft.KeyVault/vaults", SECURITY, TAGS),
    SQL_DATABASE("Microsoft.Sql/servers/databases", RESIZE, POWER, TAGS),
    DISK("Microsoft.Compute/disks", RESIZE, SECURITY, TAGS),
    PUBLIC_IP("Microsoft.Network/publicIPAddresses", TAGS),
    NETWORK_INTERFACE("Microsoft.Network/networkInterfaces", TAGS),
    VIRTUAL_MACHINE("Microsoft.Compute/virtualMachines", RESIZE, POWER, TAGS),
    SNAPSHOT("Microsoft.Compute/snapshots", TAGS),
    LOAD_BALANCER("Microsoft.Network/loadBalancers", TAGS),
    FUNCTION_APP("Microsoft.Web/sites", POWER, TAGS),
    MANAGED_CLUSTER("Microsoft.ContainerService/managedClusters", RESIZE, TAGS);

    private final String type;
    private final Mutation[] mutations;

    AzureKind(String type, Mutation... mutations) {
        this.type = type;
        this.mutations = mutations;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean taggable() {
        return true;
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public Mutation[] mutations() {
        return mutations;
    }
}
