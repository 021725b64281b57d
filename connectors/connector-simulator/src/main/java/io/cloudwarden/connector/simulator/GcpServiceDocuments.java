package io.cloudwarden.connector.simulator;

import java.time.Duration;
import java.time.Instant;

import static io.cloudwarden.connector.simulator.GcpComputeDocuments.FLAG;
import static io.cloudwarden.connector.simulator.GcpComputeDocuments.INITIAL;

/** GCP asset data beyond Compute Engine: buckets, IAM service accounts and keys, KMS keys, Cloud SQL, functions, GKE. */
final class GcpServiceDocuments {

    private static final long STALE = 0x5354414C;
    private static final String[] SQL_TIERS = {"db-f1-micro", "db-g1-small", "db-custom-2-7680", "db-custom-4-15360",
            "db-custom-16-61440"};
    private static final int[] MEMORY = {128, 256, 512, 1024, 2048};
    private static final String[] GKE_VERSIONS = {"1.29.8-gke.1031000", "1.30.5-gke.1014001", "1.31.1-gke.1678000",
            "1.32.0-gke.1448000"};

    void render(GcpKind kind, Slot slot, ResourceDraft draft, JsonWriter j) {
        switch (kind) {
            case BUCKET -> bucket(slot, draft, j);
            case SERVICE_ACCOUNT -> serviceAccount(slot, draft, j);
            case SERVICE_ACCOUNT_KEY -> serviceAccountKey(slot, draft, j);
            case CRYPTO_KEY -> cryptoKey(slot, draft, j);
            case SQL_INSTANCE -> sqlInstance(slot, draft, j);
            case CLOUD_FUNCTION -> function(slot, draft, j);
            case CLUSTER -> cluster(slot, draft, j);
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private void bucket(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean open = (slot.u(FLAG) < 0.08) != slot.state().securityFlipped;
        String bucket = GcpEstate.path(slot);
        draft.name = bucket;
        draft.state = "ready";
        if (open) {
            draft.misconfigured(Misconfiguration.PUBLIC_BUCKET);
        }
        j.str("kind", "storage#bucket").str("id", bucket).str("name", bucket)
                .str("selfLink", "https://www.googleapis.com/storage/v1/b/" + bucket)
                .str("projectNumber", Long.toString(100_000_000_000L + Math.floorMod((long) slot.accountId().hashCode(), 900_000_000_000L)))
                .str("timeCreated", slot.createdAt().toString()).str("location", slot.blockRegion().toUpperCase(java.util.Locale.ROOT))
                .str("locationType", "region").str("storageClass", "STANDARD")
                .beginObject("iamConfiguration").beginObject("uniformBucketLevelAccess").bool("enabled", !open).endObject()
                .str("publicAccessPrevention", open ? "inherited" : "enforced").endObject()
                .beginArray("acl").beginObject().str("entity", "project-owners-" + slot.accountId()).str("role", "OWNER")
                .endObject();
        if (open) {
            j.beginObject().str("entity", "allUsers").str("role", "READER").endObject();
        }
        j.endArray();
    }

    private void serviceAccount(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean disabled = slot.state().powerToggled;
        draft.state = disabled ? "disabled" : "enabled";
        String email = draft.name.substring(0, Math.min(24, draft.name.length())) + "@" + slot.accountId()
                + ".iam.gserviceaccount.com";
        j.str("name", "projects/" + slot.accountId() + "/serviceAccounts/" + email).str("projectId", slot.accountId())
                .str("uniqueId", ResourceNames.numericId(slot)).str("email", email).str("displayName", draft.name)
                .str("oauth2ClientId", ResourceNames.numericId(slot)).bool("disabled", disabled);
    }

    /** Keys of the base estate are stale (older than 90 days at the epoch) 30% of the time. */
    static boolean stale(Slot key) {
        return key.birth() == 1 && key.u(STALE) < 0.3;
    }

    private void serviceAccountKey(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean disabled = slot.state().powerToggled;
        Instant created = stale(slot)
                ? Slot.EPOCH.minus(Duration.ofDays(120 + slot.pick(STALE + 1, 700)))
                : Slot.EPOCH.plus(Duration.ofDays(slot.birth() - 1)).minus(Duration.ofDays(1 + slot.pick(STALE + 1, 60)));
        draft.state = disabled ? "disabled" : "enabled";
        if (stale(slot)) {
            draft.misconfigured(Misconfiguration.ACCESS_KEY_NOT_ROTATED);
        }
        j.str("name", GcpEstate.path(slot)).str("keyAlgorithm", "KEY_ALG_RSA_2048").str("keyOrigin", "GOOGLE_PROVIDED")
                .str("keyType", "USER_MANAGED").str("validAfterTime", created.toString())
                .str("validBeforeTime", "9999-12-31T23:59:59Z").bool("disabled", disabled);
        draft.relate("key-of", slot.sibling(5));
    }

    private void cryptoKey(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean rotation = (slot.u(FLAG) < 0.7) != slot.state().securityFlipped;
        draft.state = "enabled";
        if (!rotation) {
            draft.misconfigured(Misconfiguration.KEY_ROTATION_DISABLED);
        }
        j.str("name", GcpEstate.path(slot)).str("purpose", "ENCRYPT_DECRYPT").str("createTime", slot.createdAt().toString())
                .beginObject("primary").str("name", GcpEstate.path(slot) + "/cryptoKeyVersions/1").str("state", "ENABLED")
                .endObject().beginObject("versionTemplate").str("protectionLevel", "SOFTWARE")
                .str("algorithm", "GOOGLE_SYMMETRIC_ENCRYPTION").endObject();
        if (rotation) {
            j.str("rotationPeriod", "7776000s").str("nextRotationTime", slot.createdAt().plus(Duration.ofDays(90)).toString());
        }
    }

    private void sqlInstance(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean stopped = (slot.u(FLAG + 1) < 0.08) != slot.state().powerToggled;
        boolean publicDb = (slot.u(FLAG) < 0.1) != slot.state().securityFlipped;
        String tier = SQL_TIERS[(slot.pick(INITIAL, 3) + slot.state().resizes) % SQL_TIERS.length];
        draft.state = stopped ? "stopped" : "runnable";
        if (stopped) {
            draft.label(GroundTruthLabel.IDLE);
        }
        if (publicDb) {
            draft.misconfigured(Misconfiguration.PUBLIC_DATABASE);
        }
        draft.relate("in-network", slot.sibling(0));
        j.str("kind", "sql#instance").str("name", draft.name).str("project", slot.accountId())
                .str("databaseVersion", "POSTGRES_16").str("region", slot.blockRegion()).str("state", "RUNNABLE")
                .str("backendType", "SECOND_GEN").str("instanceType", "CLOUD_SQL_INSTANCE")
                .str("connectionName", slot.accountId() + ":" + slot.blockRegion() + ":" + draft.name)
                .str("createTime", slot.createdAt().toString())
                .beginObject("settings").str("tier", tier).str("activationPolicy", stopped ? "NEVER" : "ALWAYS")
                .str("availabilityType", "ZONAL").str("dataDiskSizeGb", "100")
                .beginObject("ipConfiguration").bool("ipv4Enabled", publicDb)
                .str("privateNetwork", "projects/" + slot.accountId() + "/global/networks/" + ResourceNames.name(slot.sibling(0)))
                .beginArray("authorizedNetworks");
        if (publicDb) {
            j.beginObject().str("kind", "sql#aclEntry").str("name", "anywhere").str("value", "0.0.0.0/0").endObject();
        }
        j.endArray().endObject();
        GcpEstate.labels(j, "userLabels", draft.tags);
        j.endObject();
    }

    private void function(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot account = slot.sibling(5);
        int memory = MEMORY[(slot.pick(INITIAL, 3) + slot.state().resizes) % MEMORY.length];
        draft.state = "active";
        draft.relate("uses-service-account", account);
        j.str("name", GcpEstate.path(slot)).str("status", "ACTIVE").str("entryPoint", "handler")
                .str("runtime", slot.u(INITIAL + 1) < 0.5 ? "python312" : "nodejs20").num("availableMemoryMb", memory)
                .str("timeout", "60s").str("serviceAccountEmail", ResourceNames.name(account).substring(0,
                        Math.min(24, ResourceNames.name(account).length())) + "@" + slot.accountId() + ".iam.gserviceaccount.com")
                .str("updateTime", slot.createdAt().toString()).str("versionId", "1")
                .beginObject("httpsTrigger").str("url", "https://" + slot.blockRegion() + "-" + slot.accountId()
                        + ".cloudfunctions.net/" + draft.name).endObject();
    }

    private void cluster(Slot slot, ResourceDraft draft, JsonWriter j) {
        String version = GKE_VERSIONS[(slot.pick(INITIAL, 2) + slot.state().resizes) % GKE_VERSIONS.length];
        draft.state = "running";
        draft.relate("in-network", slot.sibling(0));
        draft.relate("in-subnet", slot.sibling(1));
        j.str("name", draft.name).str("location", slot.blockRegion()).str("status", "RUNNING")
                .str("currentMasterVersion", version).str("currentNodeVersion", version)
                .str("network", ResourceNames.name(slot.sibling(0))).str("subnetwork", ResourceNames.name(slot.sibling(1)))
                .str("endpoint", "34." + (slot.block() % 256) + ".0." + (1 + slot.position()))
                .str("createTime", slot.createdAt().toString()).num("currentNodeCount", 3)
                .beginArray("nodePools").beginObject().str("name", "default-pool").num("initialNodeCount", 3)
                .beginObject("config").str("machineType", "e2-standard-4").num("diskSizeGb", 100).endObject()
                .str("status", "RUNNING").endObject().endArray();
    }
}
