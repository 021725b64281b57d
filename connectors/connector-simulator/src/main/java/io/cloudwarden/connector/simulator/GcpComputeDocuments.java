package io.cloudwarden.connector.simulator;

import static io.cloudwarden.connector.simulator.GcpEstate.ADDRESS;
import static io.cloudwarden.connector.simulator.GcpEstate.BOOT_DISK;
import static io.cloudwarden.connector.simulator.GcpEstate.DATA_DISK;
import static io.cloudwarden.connector.simulator.GcpEstate.INSTANCE;
import static io.cloudwarden.connector.simulator.GcpEstate.UNITS_START;
import static io.cloudwarden.connector.simulator.GcpEstate.UNIT_SIZE;
import static io.cloudwarden.connector.simulator.GcpEstate.selfLink;
import static io.cloudwarden.connector.simulator.GcpEstate.unitSibling;

/** Compute Engine asset data: network, subnetwork, firewall, image, disk, address, instance, snapshot, forwarding rule. */
final class GcpComputeDocuments {

    static final long ATTACH = 0x41545441;
    static final long ASSOCIATE = 0x41535343;
    static final long INITIAL = 0x494E4954;
    static final long FLAG = 0x464C4147;
    static final long OVERSIZE = 0x4F565253;
    static final String[] MACHINE_TYPES = {"e2-micro", "e2-small", "e2-medium", "n2-standard-2", "n2-standard-4",
            "n2-standard-8", "n2-standard-32", "n2-highmem-64"};
    static final int FIRST_LARGE = 6;
    private static final long[] DISK_SIZES = {10, 20, 50, 100, 200, 500};

    void render(GcpKind kind, Slot slot, ResourceDraft draft, JsonWriter j) {
        j.str("kind", "compute#" + Character.toLowerCase(kind.discoveryName().charAt(0)) + kind.discoveryName().substring(1))
                .str("id", ResourceNames.numericId(slot)).str("creationTimestamp", slot.createdAt().toString())
                .str("name", draft.name).str("selfLink", selfLink(slot));
        switch (kind) {
            case NETWORK -> network(slot, draft, j);
            case SUBNETWORK -> subnetwork(slot, draft, j);
            case FIREWALL -> firewall(slot, draft, j);
            case IMAGE -> image(slot, draft, j);
            case DISK -> disk(slot, draft, j);
            case ADDRESS -> address(slot, draft, j);
            case INSTANCE -> instance(slot, draft, j);
            case SNAPSHOT -> snapshot(slot, draft, j);
            case FORWARDING_RULE -> forwardingRule(slot, draft, j);
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private void network(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "ready";
        j.bool("autoCreateSubnetworks", false).num("mtu", slot.state().resizes % 2 == 0 ? 1460 : 1500)
                .beginObject("routingConfig").str("routingMode", "REGIONAL").endObject()
                .stringArray("subnetworks", selfLink(slot.sibling(1)));
    }

    private void subnetwork(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot network = slot.sibling(0);
        draft.state = "ready";
        draft.relate("in-network", network);
        boolean privateAccess = (slot.u(FLAG) < 0.5) != slot.state().securityFlipped;
        j.str("network", selfLink(network)).str("ipCidrRange", "10." + (slot.block() % 256) + ".0.0/20")
                .str("gatewayAddress", "10." + (slot.block() % 256) + ".0.1")
                .str("region", "https://www.googleapis.com/compute/v1/projects/" + slot.accountId() + "/regions/"
                        + slot.blockRegion()).bool("privateIpGoogleAccess", privateAccess).str("stackType", "IPV4_ONLY");
    }

    static boolean openSsh(Slot firewall) {
        return (firewall.u(FLAG) < 0.12) != firewall.state().securityFlipped;
    }

    private void firewall(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot network = slot.sibling(0);
        boolean open = openSsh(slot);
        draft.state = "enabled";
        draft.relate("in-network", network);
        if (open) {
            draft.misconfigured(Misconfiguration.OPEN_SSH_TO_WORLD);
        }
        j.str("network", selfLink(network)).num("priority", 1000).str("direction", "INGRESS").bool("disabled", false)
                .stringArray("sourceRanges", open ? "0.0.0.0/0" : "10.0.0.0/8").beginArray("allowed").beginObject()
                .str("IPProtocol", "tcp").beginArray("ports").value("22").value("443");
        for (int r = 1; r <= slot.state().rulesAdded; r++) {
            j.value(Integer.toString(8000 + r));
        }
        j.endArray().endObject().endArray();
    }

    private void image(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "ready";
        j.str("sourceType", "RAW").str("status", "READY").str("archiveSizeBytes", "2147483648").str("diskSizeGb", "10")
                .str("family", "app-base").stringArray("storageLocations", "us");
    }

    static boolean isBootDisk(Slot disk) {
        return (disk.position() - UNITS_START) % UNIT_SIZE == BOOT_DISK;
    }

    static boolean attachable(Slot disk) {
        return isBootDisk(disk) || disk.u(ATTACH) < 0.85;
    }

    static boolean associable(Slot address) {
        return address.u(ASSOCIATE) < 0.8;
    }

    static long baseDiskSize(Slot disk) {
        return DISK_SIZES[disk.pick(INITIAL, DISK_SIZES.length)];
    }

    private void disk(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot instance = unitSibling(slot, INSTANCE);
        boolean attached = attachable(slot) && instance.alive();
        if (attachable(slot)) {
            draft.dependsOn(slot, instance);
        }
        draft.state = "ready";
        j.str("status", "READY").str("sizeGb", Long.toString(baseDiskSize(slot) * (1L + slot.state().resizes)))
                .str("zone", "https://www.googleapis.com/compute/v1/projects/" + slot.accountId() + "/zones/"
                        + GcpEstate.zone(slot))
                .str("type", "https://www.googleapis.com/compute/v1/projects/" + slot.accountId() + "/zones/"
                        + GcpEstate.zone(slot) + "/diskTypes/" + (slot.u(INITIAL + 1) < 0.5 ? "pd-balanced" : "pd-standard"));
        if (isBootDisk(slot)) {
            j.str("sourceImage", selfLink(slot.sibling(3)));
        }
        j.beginArray("users");
        if (attached) {
            j.value(selfLink(instance));
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        j.endArray();
    }

    private void address(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot instance = unitSibling(slot, INSTANCE);
        boolean inUse = associable(slot) && instance.alive();
        if (associable(slot)) {
            draft.dependsOn(slot, instance);
        }
        draft.state = inUse ? "in_use" : "reserved";
        j.str("address", IpAddresses.publicIp(slot)).str("status", inUse ? "IN_USE" : "RESERVED")
                .str("addressType", "EXTERNAL").str("networkTier", "PREMIUM")
                .str("region", "https://www.googleapis.com/compute/v1/projects/" + slot.accountId() + "/regions/"
                        + slot.blockRegion());
        j.beginArray("users");
        if (inUse) {
            j.value(selfLink(instance));
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        j.endArray();
    }

    private void instance(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot boot = unitSibling(slot, BOOT_DISK);
        Slot data = unitSibling(slot, DATA_DISK);
        Slot address = unitSibling(slot, ADDRESS);
        boolean terminated = (slot.u(FLAG) < 0.1) != slot.state().powerToggled;
        int size = (slot.pick(INITIAL, FIRST_LARGE + 1) + slot.state().resizes) % MACHINE_TYPES.length;
        draft.state = terminated ? "terminated" : "running";
        if (terminated) {
            draft.label(GroundTruthLabel.IDLE);
        } else if (size >= FIRST_LARGE && slot.u(OVERSIZE) < 0.75) {
            draft.label(GroundTruthLabel.OVERSIZED);
        }
        boolean withData = attachable(data);
        boolean withAddress = address.kind() == GcpKind.ADDRESS && associable(address);
        draft.relate("attached-volume", boot);
        if (withData) {
            draft.relate("attached-volume", data);
        }
        draft.relate("in-subnet", slot.sibling(1));
        draft.relate("in-network", slot.sibling(0));
        draft.relate("created-from-image", slot.sibling(3));
        if (withAddress) {
            draft.relate("public-ip", address);
        }
        String project = "https://www.googleapis.com/compute/v1/projects/" + slot.accountId();
        j.str("status", terminated ? "TERMINATED" : "RUNNING").bool("canIpForward", false).bool("deletionProtection", false)
                .str("machineType", project + "/zones/" + GcpEstate.zone(slot) + "/machineTypes/" + MACHINE_TYPES[size])
                .str("zone", project + "/zones/" + GcpEstate.zone(slot)).str("cpuPlatform", "Intel Cascade Lake")
                .beginArray("disks");
        disk(j, boot, true);
        if (withData) {
            disk(j, data, false);
        }
        j.endArray().beginArray("networkInterfaces").beginObject().str("name", "nic0")
                .str("network", selfLink(slot.sibling(0))).str("subnetwork", selfLink(slot.sibling(1)))
                .str("networkIP", IpAddresses.privateIp(slot)).beginArray("accessConfigs");
        if (withAddress) {
            j.beginObject().str("name", "External NAT").str("type", "ONE_TO_ONE_NAT")
                    .str("natIP", IpAddresses.publicIp(address)).endObject();
        }
        j.endArray().endObject().endArray()
                .beginArray("serviceAccounts").beginObject().str("email", draft.name.substring(0, Math.min(20,
                        draft.name.length())) + "@" + slot.accountId() + ".iam.gserviceaccount.com")
                .stringArray("scopes", "https://www.googleapis.com/auth/cloud-platform").endObject().endArray()
                .beginObject("scheduling").str("onHostMaintenance", "MIGRATE").bool("automaticRestart", true)
                .bool("preemptible", false).endObject();
    }

    private static void disk(JsonWriter j, Slot disk, boolean boot) {
        j.beginObject().str("type", "PERSISTENT").str("mode", "READ_WRITE").str("source", selfLink(disk))
                .str("deviceName", boot ? "persistent-disk-0" : "persistent-disk-1").bool("boot", boot)
                .bool("autoDelete", boot).endObject();
    }

    private void snapshot(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot disk;
        if (slot.position() >= GcpEstate.TAIL_START) {
            disk = slot.sibling(UNITS_START + BOOT_DISK);
        } else {
            int role = (slot.position() - UNITS_START) % UNIT_SIZE;
            disk = unitSibling(slot, role == ADDRESS ? BOOT_DISK : DATA_DISK);
        }
        draft.state = "ready";
        draft.relate("snapshot-of", disk);
        j.str("status", "READY").str("sourceDisk", selfLink(disk)).str("sourceDiskId", ResourceNames.numericId(disk))
                .str("diskSizeGb", Long.toString(baseDiskSize(disk))).str("storageBytes", "1073741824")
                .stringArray("storageLocations", slot.blockRegion()).bool("autoCreated", slot.u(INITIAL) < 0.5);
    }

    private void forwardingRule(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "ready";
        for (int unit = 0; unit < GcpEstate.UNITS; unit++) {
            draft.relate("routes-to", slot.sibling(UNITS_START + unit * UNIT_SIZE + INSTANCE));
        }
        j.str("IPAddress", IpAddresses.publicIp(slot)).str("IPProtocol", "TCP").str("portRange", "443-443")
                .str("loadBalancingScheme", "EXTERNAL").str("networkTier", "PREMIUM")
                .str("target", "https://www.googleapis.com/compute/v1/projects/" + slot.accountId() + "/regions/"
                        + slot.blockRegion() + "/targetPools/" + draft.name)
                .str("region", "https://www.googleapis.com/compute/v1/projects/" + slot.accountId() + "/regions/"
                        + slot.blockRegion());
    }
}
