package io.cloudwarden.connector.simulator;

import static io.cloudwarden.connector.simulator.AzureEstate.DATA_DISK;
import static io.cloudwarden.connector.simulator.AzureEstate.NIC;
import static io.cloudwarden.connector.simulator.AzureEstate.OS_DISK;
import static io.cloudwarden.connector.simulator.AzureEstate.PUBLIC_IP;
import static io.cloudwarden.connector.simulator.AzureEstate.UNITS_START;
import static io.cloudwarden.connector.simulator.AzureEstate.UNIT_SIZE;
import static io.cloudwarden.connector.simulator.AzureEstate.VM;
import static io.cloudwarden.connector.simulator.AzureEstate.unitSibling;

/** Azure compute documents (disk, public IP, NIC, VM, snapshot, image): the {@code properties} of each ARM type. */
final class AzureComputeDocuments {

    static final long ATTACH = 0x41545441;
    static final long ASSOCIATE = 0x41535343;
    static final long INITIAL = 0x494E4954;
    static final long FLAG = 0x464C4147;
    static final long OVERSIZE = 0x4F565253;
    static final String[] VM_SIZES = {"Standard_B1s", "Standard_B2s", "Standard_D2s_v5", "Standard_D4s_v5",
            "Standard_D8s_v5", "Standard_E8s_v5", "Standard_D32s_v5", "Standard_E64s_v5"};
    static final int FIRST_LARGE = 6;
    private static final long[] DISK_SIZES = {32, 64, 128, 256, 512, 1024};

    void render(AzureKind kind, Slot slot, ResourceDraft draft, JsonWriter j) {
        switch (kind) {
            case DISK -> disk(slot, draft, j);
            case PUBLIC_IP -> publicIp(slot, draft, j);
            case NETWORK_INTERFACE -> networkInterface(slot, draft, j);
            case VIRTUAL_MACHINE -> virtualMachine(slot, draft, j);
            case SNAPSHOT -> snapshot(slot, draft, j);
            case IMAGE -> image(slot, draft, j);
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    static boolean isOsDisk(Slot disk) {
        return (disk.position() - UNITS_START) % UNIT_SIZE == OS_DISK;
    }

    static boolean attachable(Slot disk) {
        return isOsDisk(disk) || disk.u(ATTACH) < 0.85;
    }

    static boolean associable(Slot publicIp) {
        return publicIp.u(ASSOCIATE) < 0.8;
    }

    static long baseDiskSize(Slot disk) {
        return DISK_SIZES[disk.pick(INITIAL, DISK_SIZES.length)];
    }

    private void disk(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot vm = unitSibling(slot, VM);
        boolean attached = attachable(slot) && vm.alive();
        if (attachable(slot)) {
            draft.dependsOn(slot, vm);
        }
        boolean encrypted = (slot.u(FLAG) < 0.8) != slot.state().securityFlipped;
        draft.state = attached ? "attached" : "unattached";
        if (attached) {
            j.str("managedBy", vm.nativeId());
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        if (!encrypted) {
            draft.misconfigured(Misconfiguration.UNENCRYPTED_VOLUME);
        }
        j.beginObject("sku").str("name", slot.u(INITIAL + 1) < 0.6 ? "Premium_LRS" : "Standard_LRS").endObject()
                .beginObject("properties");
        if (isOsDisk(slot)) {
            j.str("osType", "Linux");
        }
        j.beginObject("creationData").str("createOption", isOsDisk(slot) ? "FromImage" : "Empty").endObject()
                .num("diskSizeGB", baseDiskSize(slot) * (1L + slot.state().resizes)).num("diskIOPSReadWrite", 500)
                .num("diskMBpsReadWrite", 60)
                .beginObject("encryptionSettingsCollection").bool("enabled", encrypted).endObject()
                .beginObject("encryption").str("type", encrypted ? "EncryptionAtRestWithCustomerKey"
                        : "EncryptionAtRestWithPlatformKey").endObject()
                .str("timeCreated", slot.createdAt().toString()).str("provisioningState", "Succeeded")
                .str("diskState", attached ? "Attached" : "Unattached").endObject();
    }

    private void publicIp(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot nic = unitSibling(slot, NIC);
        boolean associated = associable(slot) && nic.alive();
        if (associable(slot)) {
            draft.dependsOn(slot, nic);
        }
        draft.state = associated ? "associated" : "unassociated";
        j.beginObject("sku").str("name", "Standard").endObject().beginObject("properties")
                .str("provisioningState", "Succeeded").str("ipAddress", IpAddresses.publicIp(slot))
                .str("publicIPAddressVersion", "IPv4").str("publicIPAllocationMethod", "Static")
                .num("idleTimeoutInMinutes", 4);
        if (associated) {
            j.beginObject("ipConfiguration").str("id", nic.nativeId() + "/ipConfigurations/ipconfig1").endObject();
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        j.endObject();
    }

    private void networkInterface(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot vm = unitSibling(slot, VM);
        Slot pip = unitSibling(slot, PUBLIC_IP);
        Slot vnet = slot.sibling(0);
        Slot nsg = slot.sibling(1);
        boolean attached = vm.alive();
        draft.dependsOn(slot, vm);
        draft.state = attached ? "in-use" : "available";
        draft.relate("in-network", vnet);
        draft.relate("security-group", nsg);
        boolean hasPip = pip.kind() == AzureKind.PUBLIC_IP && associable(pip);
        if (hasPip) {
            draft.relate("public-ip", pip);
        }
        j.beginObject("properties").str("provisioningState", "Succeeded").beginArray("ipConfigurations").beginObject()
                .str("name", "ipconfig1").str("id", slot.nativeId() + "/ipConfigurations/ipconfig1")
                .beginObject("properties").str("privateIPAddress", IpAddresses.privateIp(slot))
                .str("privateIPAllocationMethod", "Dynamic")
                .beginObject("subnet").str("id", vnet.nativeId() + "/subnets/default").endObject();
        if (hasPip) {
            j.beginObject("publicIPAddress").str("id", pip.nativeId()).endObject();
        }
        j.bool("primary", true).endObject().endObject().endArray()
                .beginObject("networkSecurityGroup").str("id", nsg.nativeId()).endObject()
                .bool("enableAcceleratedNetworking", false).bool("enableIPForwarding", false);
        if (attached) {
            j.beginObject("virtualMachine").str("id", vm.nativeId()).endObject();
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        j.endObject();
    }

    private void virtualMachine(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot os = unitSibling(slot, OS_DISK);
        Slot data = unitSibling(slot, DATA_DISK);
        Slot nic = unitSibling(slot, NIC);
        Slot image = slot.sibling(2);
        boolean deallocated = (slot.u(FLAG) < 0.1) != slot.state().powerToggled;
        int size = (slot.pick(INITIAL, FIRST_LARGE + 1) + slot.state().resizes) % VM_SIZES.length;
        draft.state = deallocated ? "deallocated" : "running";
        if (deallocated) {
            draft.label(GroundTruthLabel.IDLE);
        } else if (size >= FIRST_LARGE && slot.u(OVERSIZE) < 0.75) {
            draft.label(GroundTruthLabel.OVERSIZED);
        }
        boolean withData = attachable(data);
        draft.relate("attached-volume", os);
        if (withData) {
            draft.relate("attached-volume", data);
        }
        draft.relate("network-interface", nic);
        draft.relate("created-from-image", image);
        j.stringArray("zones", Integer.toString(1 + DeterministicHash.pick(slot.blockHash(0x5A), 3)))
                .beginObject("properties").str("vmId", ResourceNames.guid(slot))
                .beginObject("hardwareProfile").str("vmSize", VM_SIZES[size]).endObject()
                .beginObject("storageProfile").beginObject("imageReference").str("id", image.nativeId()).endObject()
                .beginObject("osDisk").str("osType", "Linux").str("name", AzureEstate.name(os))
                .str("createOption", "FromImage").beginObject("managedDisk").str("id", os.nativeId()).endObject()
                .endObject().beginArray("dataDisks");
        if (withData) {
            j.beginObject().num("lun", 0).str("name", AzureEstate.name(data)).str("createOption", "Empty")
                    .beginObject("managedDisk").str("id", data.nativeId()).endObject().endObject();
        }
        j.endArray().endObject()
                .beginObject("osProfile").str("computerName", draft.name).str("adminUsername", "azureuser")
                .beginObject("linuxConfiguration").bool("disablePasswordAuthentication", true).endObject().endObject()
                .beginObject("networkProfile").beginArray("networkInterfaces").beginObject().str("id", nic.nativeId())
                .endObject().endArray().endObject().str("provisioningState", "Succeeded")
                .beginObject("instanceView").beginArray("statuses").beginObject()
                .str("code", "PowerState/" + draft.state).str("level", "Info")
                .str("displayStatus", deallocated ? "VM deallocated" : "VM running").endObject().endArray().endObject()
                .str("timeCreated", slot.createdAt().toString()).endObject();
    }

    private void snapshot(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot disk;
        if (slot.position() >= AzureEstate.TAIL_START) {
            disk = slot.sibling(UNITS_START + OS_DISK);
        } else {
            int role = (slot.position() - UNITS_START) % UNIT_SIZE;
            disk = unitSibling(slot, role == PUBLIC_IP ? OS_DISK : DATA_DISK);
        }
        draft.state = "succeeded";
        draft.relate("snapshot-of", disk);
        j.beginObject("sku").str("name", "Standard_LRS").endObject().beginObject("properties")
                .beginObject("creationData").str("createOption", "Copy").str("sourceResourceId", disk.nativeId())
                .endObject().num("diskSizeGB", baseDiskSize(disk)).bool("incremental", true)
                .str("timeCreated", slot.createdAt().toString()).str("provisioningState", "Succeeded")
                .str("diskState", "Unattached").endObject();
    }

    private void image(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "succeeded";
        j.beginObject("properties").beginObject("storageProfile").beginObject("osDisk").str("osType", "Linux")
                .str("osState", "Generalized").num("diskSizeGB", 30).str("storageAccountType", "Premium_LRS")
                .endObject().endObject().str("provisioningState", "Succeeded").str("hyperVGeneration", "V2").endObject();
    }
}
