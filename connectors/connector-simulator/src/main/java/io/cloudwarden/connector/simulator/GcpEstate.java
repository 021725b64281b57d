package io.cloudwarden.connector.simulator;

import java.util.Map;

/**
 * GCP estate layout. A block of 38 resources is one workload in a project: a VPC network, a subnetwork, a
 * firewall, an image, a bucket, a service account with a key, a KMS crypto key (in some blocks, else a
 * second bucket), a Cloud SQL instance, five compute units (boot disk, data disk, static address or extra
 * snapshot, instance, snapshot), a forwarding rule, a Cloud Function (or a GKE cluster) and a snapshot.
 * Documents are Cloud Asset Inventory assets: {@code {name, assetType, resource{version, discoveryName,
 * parent, location, data}}}; labels are lower case.
 */
final class GcpEstate implements ProviderEstate {

    static final int UNITS_START = 9;
    static final int UNIT_SIZE = 5;
    static final int UNITS = 5;
    static final int BOOT_DISK = 0;
    static final int DATA_DISK = 1;
    static final int ADDRESS = 2;
    static final int INSTANCE = 3;
    private static final GcpKind[] HEAD = {GcpKind.NETWORK, GcpKind.SUBNETWORK, GcpKind.FIREWALL, GcpKind.IMAGE,
            GcpKind.BUCKET, GcpKind.SERVICE_ACCOUNT, GcpKind.SERVICE_ACCOUNT_KEY, GcpKind.CRYPTO_KEY, GcpKind.SQL_INSTANCE};
    private static final GcpKind[] UNIT = {GcpKind.DISK, GcpKind.DISK, GcpKind.ADDRESS, GcpKind.INSTANCE, GcpKind.SNAPSHOT};
    private static final GcpKind[] TAIL = {GcpKind.FORWARDING_RULE, GcpKind.CLOUD_FUNCTION, GcpKind.CLUSTER,
            GcpKind.SNAPSHOT};
    static final int TAIL_START = UNITS_START + UNITS * UNIT_SIZE;

    private final GcpComputeDocuments compute = new GcpComputeDocuments();
    private final GcpServiceDocuments services = new GcpServiceDocuments();

    @Override
    public int blockSize() {
        return TAIL_START + TAIL.length;
    }

    @Override
    public ResourceKind kindAt(long block, int position) {
        if (position < UNITS_START) {
            GcpKind kind = HEAD[position];
            return kind == GcpKind.CRYPTO_KEY && block % 3 != 0 ? GcpKind.BUCKET : kind;
        }
        if (position < TAIL_START) {
            int unit = (position - UNITS_START) / UNIT_SIZE;
            int role = (position - UNITS_START) % UNIT_SIZE;
            return role == ADDRESS && unit >= 2 ? GcpKind.SNAPSHOT : UNIT[role];
        }
        GcpKind kind = TAIL[position - TAIL_START];
        return kind == GcpKind.CLUSTER && block % 4 != 0 ? GcpKind.CLOUD_FUNCTION : kind;
    }

    static String zone(Slot slot) {
        return slot.blockRegion() + "-" + (char) ('a' + DeterministicHash.pick(slot.blockHash(0x5A), 3));
    }

    /** Path of the resource below its service, e.g. {@code projects/p/zones/z/instances/n}. */
    static String path(Slot slot) {
        String project = "projects/" + slot.accountId();
        String name = ResourceNames.name(slot);
        String region = slot.blockRegion();
        return switch ((GcpKind) slot.kind()) {
            case NETWORK -> project + "/global/networks/" + name;
            case SUBNETWORK -> project + "/regions/" + region + "/subnetworks/" + name;
            case FIREWALL -> project + "/global/firewalls/" + name;
            case IMAGE -> project + "/global/images/" + name;
            case SNAPSHOT -> project + "/global/snapshots/" + name;
            case DISK -> project + "/zones/" + zone(slot) + "/disks/" + name;
            case INSTANCE -> project + "/zones/" + zone(slot) + "/instances/" + name;
            case ADDRESS -> project + "/regions/" + region + "/addresses/" + name;
            case FORWARDING_RULE -> project + "/regions/" + region + "/forwardingRules/" + name;
            case BUCKET -> slot.accountId() + "-" + name;
            case SERVICE_ACCOUNT -> project + "/serviceAccounts/" + ResourceNames.numericId(slot);
            case SERVICE_ACCOUNT_KEY -> path(slot.sibling(5)) + "/keys/" + ResourceNames.hex(slot, 16)
                    + DeterministicHash.hex(slot.h(0x4B), 16);
            case CRYPTO_KEY -> project + "/locations/" + region + "/keyRings/ring-" + Long.toString(slot.block(), 36)
                    + "/cryptoKeys/" + name;
            case SQL_INSTANCE -> project + "/instances/" + name;
            case CLOUD_FUNCTION -> project + "/locations/" + region + "/functions/" + name;
            case CLUSTER -> project + "/locations/" + region + "/clusters/" + name;
        };
    }

    @Override
    public String nativeId(Slot slot) {
        GcpKind kind = (GcpKind) slot.kind();
        String host = kind == GcpKind.SQL_INSTANCE ? "cloudsql.googleapis.com" : kind.service();
        return "//" + host + "/" + path(slot);
    }

    /** The compute API self link of a compute resource. */
    static String selfLink(Slot slot) {
        return "https://www.googleapis.com/compute/v1/" + path(slot);
    }

    @Override
    public void render(Slot slot, ResourceDraft draft) {
        GcpKind kind = (GcpKind) slot.kind();
        draft.name = ResourceNames.name(slot);
        draft.tags = kind.taggable() ? TagGenerator.tags(slot, null, true) : Map.of();
        JsonWriter j = new JsonWriter().beginObject().str("name", slot.nativeId()).str("assetType", kind.type())
                .beginObject("resource").str("version", "v1")
                .str("discoveryDocumentUri", "https://www.googleapis.com/discovery/v1/apis/"
                        + kind.service().substring(0, kind.service().indexOf('.')) + "/v1/rest")
                .str("discoveryName", kind.discoveryName())
                .str("parent", "//cloudresourcemanager.googleapis.com/projects/" + slot.accountId())
                .str("location", kind.global() ? "global" : kind == GcpKind.DISK || kind == GcpKind.INSTANCE
                        ? zone(slot) : slot.blockRegion())
                .beginObject("data");
        switch (kind) {
            case BUCKET, SERVICE_ACCOUNT, SERVICE_ACCOUNT_KEY, CRYPTO_KEY, SQL_INSTANCE, CLOUD_FUNCTION, CLUSTER ->
                    services.render(kind, slot, draft, j);
            default -> compute.render(kind, slot, draft, j);
        }
        if (kind.taggable() && kind != GcpKind.SQL_INSTANCE) { // Cloud SQL keeps them in settings.userLabels
            labels(j, kind == GcpKind.CLUSTER ? "resourceLabels" : "labels", draft.tags);
        }
        draft.json = j.endObject().endObject().endObject().toString();
    }

    static void labels(JsonWriter j, String field, Map<String, String> labels) {
        j.beginObject(field);
        for (Map.Entry<String, String> l : labels.entrySet()) {
            j.str(l.getKey(), l.getValue());
        }
        j.endObject();
    }

    static Slot unitSibling(Slot slot, int role) {
        int unit = (slot.position() - UNITS_START) / UNIT_SIZE;
        return slot.sibling(UNITS_START + unit * UNIT_SIZE + role);
    }
}
