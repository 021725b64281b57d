package io.cloudwarden.connector.simulator;

import java.util.Map;

/**
 * Azure estate layout. A block of 40 resources is one resource group: a virtual network, an NSG, an image,
 * a storage account (or, in some blocks, a key vault), a SQL database, five compute units (OS and data disk,
 * public IP or extra snapshot, NIC, VM, snapshot), a load balancer, a function app (or an AKS cluster) and a
 * snapshot. Documents have the ARM envelope {@code {id,name,type,location,tags,properties}}.
 */
final class AzureEstate implements ProviderEstate {

    static final int UNITS_START = 6;
    static final int UNIT_SIZE = 6;
    static final int UNITS = 5;
    static final int OS_DISK = 0;
    static final int DATA_DISK = 1;
    static final int PUBLIC_IP = 2;
    static final int NIC = 3;
    static final int VM = 4;
    private static final AzureKind[] HEAD = {AzureKind.VIRTUAL_NETWORK, AzureKind.NETWORK_SECURITY_GROUP,
            AzureKind.IMAGE, AzureKind.STORAGE_ACCOUNT, AzureKind.KEY_VAULT, AzureKind.SQL_DATABASE};
    private static final AzureKind[] UNIT = {AzureKind.DISK, AzureKind.DISK, AzureKind.PUBLIC_IP,
            AzureKind.NETWORK_INTERFACE, AzureKind.VIRTUAL_MACHINE, AzureKind.SNAPSHOT};
    private static final AzureKind[] TAIL = {AzureKind.LOAD_BALANCER, AzureKind.FUNCTION_APP,
            AzureKind.MANAGED_CLUSTER, AzureKind.SNAPSHOT};
    static final int TAIL_START = UNITS_START + UNITS * UNIT_SIZE;
    private static final String[] ENVS = {"prod", "dev", "test", "shared"};

    private final AzureComputeDocuments compute = new AzureComputeDocuments();
    private final AzureServiceDocuments services = new AzureServiceDocuments();

    @Override
    public int blockSize() {
        return TAIL_START + TAIL.length;
    }

    @Override
    public ResourceKind kindAt(long block, int position) {
        if (position < UNITS_START) {
            AzureKind kind = HEAD[position];
            return kind == AzureKind.KEY_VAULT && block % 3 != 0 ? AzureKind.STORAGE_ACCOUNT : kind;
        }
        if (position < TAIL_START) {
            int unit = (position - UNITS_START) / UNIT_SIZE;
            int role = (position - UNITS_START) % UNIT_SIZE;
            return role == PUBLIC_IP && unit >= 2 ? AzureKind.SNAPSHOT : UNIT[role];
        }
        AzureKind kind = TAIL[position - TAIL_START];
        return kind == AzureKind.MANAGED_CLUSTER && block % 4 != 0 ? AzureKind.FUNCTION_APP : kind;
    }

    static String resourceGroup(Slot slot) {
        return "rg-" + ENVS[DeterministicHash.pick(slot.blockHash(0x5247), ENVS.length)] + "-"
                + Long.toString(slot.block(), 36);
    }

    /** The ARM resource name: storage accounts must be 3-24 lower-case alphanumerics. */
    static String name(Slot slot) {
        String base = ResourceNames.name(slot);
        return switch ((AzureKind) slot.kind()) {
            case STORAGE_ACCOUNT -> "st" + base.replace("-", "").substring(0, Math.min(14, base.length() - 2))
                    + ResourceNames.hex(slot, 6);
            case VIRTUAL_MACHINE -> "vm-" + base;
            case DISK -> "disk-" + base;
            case NETWORK_INTERFACE -> "nic-" + base;
            case PUBLIC_IP -> "pip-" + base;
            case NETWORK_SECURITY_GROUP -> "nsg-" + base;
            case VIRTUAL_NETWORK -> "vnet-" + base;
            case KEY_VAULT -> "kv-" + base;
            case FUNCTION_APP -> "func-" + base;
            case MANAGED_CLUSTER -> "aks-" + base;
            case LOAD_BALANCER -> "lb-" + base;
            default -> base;
        };
    }

    @Override
    public String nativeId(Slot slot) {
        AzureKind kind = (AzureKind) slot.kind();
        String group = "/subscriptions/" + slot.accountId() + "/resourceGroups/" + resourceGroup(slot) + "/providers/";
        if (kind == AzureKind.SQL_DATABASE) {
            return group + "Microsoft.Sql/servers/sql-" + resourceGroup(slot) + "/databases/" + name(slot);
        }
        return group + kind.type() + "/" + name(slot);
    }

    static String location(Slot slot) {
        return slot.blockRegion();
    }

    @Override
    public void render(Slot slot, ResourceDraft draft) {
        AzureKind kind = (AzureKind) slot.kind();
        draft.name = name(slot);
        draft.tags = TagGenerator.tags(slot, null, false);
        JsonWriter j = new JsonWriter().beginObject().str("id", slot.nativeId()).str("name", draft.name)
                .str("type", kind.type()).str("location", location(slot));
        switch (kind) {
            case DISK, PUBLIC_IP, NETWORK_INTERFACE, VIRTUAL_MACHINE, SNAPSHOT, IMAGE -> compute.render(kind, slot, draft, j);
            default -> services.render(kind, slot, draft, j);
        }
        j.beginObject("tags");
        for (Map.Entry<String, String> t : draft.tags.entrySet()) {
            j.str(t.getKey(), t.getValue());
        }
        draft.json = j.endObject().endObject().toString();
    }

    static Slot unitSibling(Slot slot, int role) {
        int unit = (slot.position() - UNITS_START) / UNIT_SIZE;
        return slot.sibling(UNITS_START + unit * UNIT_SIZE + role);
    }
}
