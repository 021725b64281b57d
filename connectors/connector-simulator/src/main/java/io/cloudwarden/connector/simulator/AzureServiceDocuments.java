package io.cloudwarden.connector.simulator;

import static io.cloudwarden.connector.simulator.AzureComputeDocuments.FLAG;
import static io.cloudwarden.connector.simulator.AzureComputeDocuments.INITIAL;

/** Azure network and platform documents: virtual network, NSG, storage, key vault, SQL, load balancer, sites, AKS. */
final class AzureServiceDocuments {

    private static final String[] SQL_SKUS = {"Basic", "S0", "S1", "S3", "P1", "P2"};
    private static final String[] AKS_VERSIONS = {"1.29.9", "1.30.5", "1.31.2", "1.32.0"};

    void render(AzureKind kind, Slot slot, ResourceDraft draft, JsonWriter j) {
        switch (kind) {
            case VIRTUAL_NETWORK -> virtualNetwork(slot, draft, j);
            case NETWORK_SECURITY_GROUP -> securityGroup(slot, draft, j);
            case STORAGE_ACCOUNT -> storageAccount(slot, draft, j);
            case KEY_VAULT -> keyVault(slot, draft, j);
            case SQL_DATABASE -> database(slot, draft, j);
            case LOAD_BALANCER -> loadBalancer(slot, draft, j);
            case FUNCTION_APP -> functionApp(slot, draft, j);
            case MANAGED_CLUSTER -> cluster(slot, draft, j);
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private void virtualNetwork(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "succeeded";
        j.beginObject("properties").str("provisioningState", "Succeeded").str("resourceGuid", ResourceNames.guid(slot))
                .beginObject("addressSpace").stringArray("addressPrefixes", IpAddresses.cidr(slot)).endObject()
                .beginArray("subnets").beginObject().str("name", "default").str("id", slot.nativeId() + "/subnets/default")
                .beginObject("properties").str("addressPrefix", "10." + (slot.block() % 256) + ".0.0/24")
                .str("provisioningState", "Succeeded").endObject().endObject().endArray()
                .bool("enableDdosProtection", false).endObject();
    }

    static boolean openSsh(Slot nsg) {
        return (nsg.u(FLAG) < 0.12) != nsg.state().securityFlipped;
    }

    private void securityGroup(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "succeeded";
        j.beginObject("properties").str("provisioningState", "Succeeded").beginArray("securityRules");
        rule(j, slot, "AllowHttpsInbound", 100, "443", "*");
        boolean open = openSsh(slot);
        if (open) {
            draft.misconfigured(Misconfiguration.OPEN_SSH_TO_WORLD);
        }
        rule(j, slot, "AllowSshInbound", 110, "22", open ? "*" : "VirtualNetwork");
        for (int r = 1; r <= slot.state().rulesAdded; r++) {
            rule(j, slot, "AllowApp" + r, 200 + r, Integer.toString(8000 + r), "VirtualNetwork");
        }
        j.endArray().endObject();
    }

    private static void rule(JsonWriter j, Slot nsg, String name, int priority, String port, String source) {
        j.beginObject().str("name", name).str("id", nsg.nativeId() + "/securityRules/" + name)
                .beginObject("properties").str("protocol", "Tcp").str("sourcePortRange", "*")
                .str("destinationPortRange", port).str("sourceAddressPrefix", source).str("destinationAddressPrefix", "*")
                .str("access", "Allow").num("priority", priority).str("direction", "Inbound")
                .str("provisioningState", "Succeeded").endObject().endObject();
    }

    private void storageAccount(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean open = (slot.u(FLAG) < 0.08) != slot.state().securityFlipped;
        draft.state = "succeeded";
        if (open) {
            draft.misconfigured(Misconfiguration.PUBLIC_BUCKET);
        }
        String name = draft.name;
        j.beginObject("sku").str("name", "Standard_LRS").str("tier", "Standard").endObject().str("kind", "StorageV2")
                .beginObject("properties").str("provisioningState", "Succeeded")
                .beginObject("primaryEndpoints").str("blob", "https://" + name + ".blob.core.windows.net/")
                .str("file", "https://" + name + ".file.core.windows.net/").endObject()
                .str("primaryLocation", AzureEstate.location(slot)).str("statusOfPrimary", "available")
                .str("creationTime", slot.createdAt().toString()).bool("allowBlobPublicAccess", open)
                .str("publicNetworkAccess", "Enabled").str("minimumTlsVersion", "TLS1_2")
                .bool("supportsHttpsTrafficOnly", true)
                .beginObject("networkAcls").str("bypass", "AzureServices").str("defaultAction", open ? "Allow" : "Deny")
                .endObject().beginObject("encryption").str("keySource", "Microsoft.Storage").endObject()
                .str("accessTier", "Hot").endObject();
    }

    private void keyVault(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean purgeProtection = (slot.u(FLAG) < 0.6) != slot.state().securityFlipped;
        draft.state = "succeeded";
        j.beginObject("properties").beginObject("sku").str("family", "A").str("name", "standard").endObject()
                .str("tenantId", ResourceNames.guid(slot.sibling(0))).bool("enableSoftDelete", true)
                .num("softDeleteRetentionInDays", 90).bool("enablePurgeProtection", purgeProtection)
                .bool("enableRbacAuthorization", true).str("vaultUri", "https://" + draft.name + ".vault.azure.net/")
                .str("provisioningState", "Succeeded").endObject();
    }

    private void database(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean paused = (slot.u(FLAG + 1) < 0.08) != slot.state().powerToggled;
        String sku = SQL_SKUS[(slot.pick(INITIAL, 4) + slot.state().resizes) % SQL_SKUS.length];
        draft.state = paused ? "paused" : "online";
        if (paused) {
            draft.label(GroundTruthLabel.IDLE);
        }
        j.beginObject("sku").str("name", sku).endObject().str("kind", "v12.0,user")
                .beginObject("properties").str("collation", "SQL_Latin1_General_CP1_CI_AS")
                .num("maxSizeBytes", 268_435_456_000L).str("status", paused ? "Paused" : "Online")
                .str("databaseId", ResourceNames.guid(slot)).str("creationDate", slot.createdAt().toString())
                .str("currentServiceObjectiveName", sku).str("requestedServiceObjectiveName", sku)
                .bool("zoneRedundant", false).endObject();
    }

    private void loadBalancer(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "succeeded";
        draft.relate("in-network", slot.sibling(0));
        j.beginObject("sku").str("name", "Standard").endObject().beginObject("properties")
                .str("provisioningState", "Succeeded").beginArray("backendAddressPools").beginObject()
                .str("name", "backend").beginObject("properties").beginArray("backendIPConfigurations");
        for (int unit = 0; unit < AzureEstate.UNITS; unit++) {
            Slot nic = slot.sibling(AzureEstate.UNITS_START + unit * AzureEstate.UNIT_SIZE + AzureEstate.NIC);
            Slot vm = slot.sibling(AzureEstate.UNITS_START + unit * AzureEstate.UNIT_SIZE + AzureEstate.VM);
            draft.relate("routes-to", vm);
            j.beginObject().str("id", nic.nativeId() + "/ipConfigurations/ipconfig1").endObject();
        }
        j.endArray().endObject().endObject().endArray().endObject();
    }

    private void functionApp(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean stopped = (slot.u(FLAG) < 0.05) != slot.state().powerToggled;
        Slot storage = slot.sibling(3);
        draft.state = stopped ? "stopped" : "running";
        draft.relate("uses-storage", storage);
        j.str("kind", "functionapp,linux").beginObject("properties").str("state", stopped ? "Stopped" : "Running")
                .stringArray("hostNames", draft.name + ".azurewebsites.net").bool("enabled", true)
                .str("defaultHostName", draft.name + ".azurewebsites.net").bool("httpsOnly", true)
                .beginObject("siteConfig").str("linuxFxVersion", "Python|3.11").str("minTlsVersion", "1.2").endObject()
                .str("lastModifiedTimeUtc", slot.createdAt().toString()).endObject();
    }

    private void cluster(Slot slot, ResourceDraft draft, JsonWriter j) {
        String version = AKS_VERSIONS[(slot.pick(INITIAL, 2) + slot.state().resizes) % AKS_VERSIONS.length];
        draft.state = "succeeded";
        draft.relate("in-network", slot.sibling(0));
        j.beginObject("properties").str("provisioningState", "Succeeded").str("kubernetesVersion", version)
                .str("dnsPrefix", draft.name).str("fqdn", draft.name + "-" + ResourceNames.hex(slot, 8) + ".hcp."
                        + AzureEstate.location(slot) + ".azmk8s.io")
                .beginArray("agentPoolProfiles").beginObject().str("name", "nodepool1").num("count", 3)
                .str("vmSize", "Standard_D4s_v5").str("osType", "Linux").str("mode", "System")
                .str("vnetSubnetID", slot.sibling(0).nativeId() + "/subnets/default").endObject().endArray()
                .bool("enableRBAC", true).str("nodeResourceGroup", "MC_" + AzureEstate.resourceGroup(slot) + "_"
                        + draft.name + "_" + AzureEstate.location(slot)).endObject();
    }
}
