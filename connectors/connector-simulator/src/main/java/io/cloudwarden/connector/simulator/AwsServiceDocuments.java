package io.cloudwarden.connector.simulator;

import java.time.Duration;
import java.time.Instant;

import static io.cloudwarden.connector.simulator.AwsComputeDocuments.FLAG;
import static io.cloudwarden.connector.simulator.AwsComputeDocuments.INITIAL;

/** Documents of AWS services beyond EC2: S3, RDS, ELBv2, IAM, KMS, Lambda and EKS, shaped like their APIs' output. */
final class AwsServiceDocuments {

    private static final long STALE = 0x5354414C;
    private static final String[] DB_CLASSES = {"db.t3.micro", "db.t3.medium", "db.m5.large", "db.m5.xlarge", "db.r5.2xlarge"};
    private static final String[] RUNTIMES = {"python3.12", "nodejs20.x", "java21", "provided.al2023"};
    private static final int[] MEMORY = {128, 256, 512, 1024, 2048};
    private static final String[] K8S_VERSIONS = {"1.29", "1.30", "1.31", "1.32"};

    void render(AwsKind kind, Slot slot, ResourceDraft draft) {
        String name = AwsEstate.shortId(slot);
        draft.name = name;
        draft.tags = kind.taggable() ? TagGenerator.tags(slot, null, false) : java.util.Map.of();
        JsonWriter j = new JsonWriter().beginObject();
        switch (kind) {
            case KMS_KEY -> kmsKey(slot, draft, j);
            case IAM_ROLE -> role(slot, draft, j);
            case IAM_USER -> user(slot, draft, j);
            case ACCESS_KEY -> accessKey(slot, draft, j);
            case S3_BUCKET -> bucket(slot, draft, j);
            case DB_INSTANCE -> database(slot, draft, j);
            case LOAD_BALANCER -> loadBalancer(slot, draft, j);
            case LAMBDA_FUNCTION -> function(slot, draft, j);
            case EKS_CLUSTER -> cluster(slot, draft, j);
            default -> throw new IllegalArgumentException(kind.name());
        }
        if (kind.taggable()) {
            AwsComputeDocuments.tags(j, "Tags", draft.tags);
        }
        draft.json = j.endObject().toString();
    }

    private void kmsKey(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean rotation = (slot.u(FLAG) < 0.7) != slot.state().securityFlipped;
        draft.state = "enabled";
        draft.name = "alias/" + ResourceNames.name(slot);
        if (!rotation) {
            draft.misconfigured(Misconfiguration.KEY_ROTATION_DISABLED);
        }
        j.str("AWSAccountId", slot.accountId()).str("KeyId", AwsEstate.shortId(slot)).str("Arn", slot.nativeId())
                .str("CreationDate", slot.createdAt().toString()).bool("Enabled", true).str("Description", "")
                .str("KeyUsage", "ENCRYPT_DECRYPT").str("KeyState", "Enabled").str("Origin", "AWS_KMS")
                .str("KeyManager", "CUSTOMER").str("KeySpec", "SYMMETRIC_DEFAULT").bool("MultiRegion", false)
                .bool("KeyRotationEnabled", rotation);
    }

    private void role(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "active";
        j.str("Path", "/").str("RoleName", draft.name).str("RoleId", "AROA" + upperHex(slot))
                .str("Arn", slot.nativeId()).str("CreateDate", slot.createdAt().toString())
                .str("AssumeRolePolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
                .num("MaxSessionDuration", 3600);
    }

    private void user(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "active";
        j.str("Path", "/").str("UserName", draft.name).str("UserId", "AIDA" + upperHex(slot))
                .str("Arn", slot.nativeId()).str("CreateDate", slot.createdAt().toString());
    }

    private static String upperHex(Slot slot) {
        return ResourceNames.hex(slot, 16).toUpperCase(java.util.Locale.ROOT);
    }

    /** Keys of the base estate are stale (older than 90 days at the epoch) 30% of the time. */
    static boolean stale(Slot key) {
        return key.birth() == 1 && key.u(STALE) < 0.3;
    }

    private void accessKey(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean active = !slot.state().powerToggled;
        Instant created = stale(slot)
                ? Slot.EPOCH.minus(Duration.ofDays(120 + slot.pick(STALE + 1, 700)))
                : Slot.EPOCH.plus(Duration.ofDays(slot.birth() - 1)).minus(Duration.ofDays(1 + slot.pick(STALE + 1, 60)));
        draft.state = active ? "active" : "inactive";
        if (stale(slot)) {
            draft.misconfigured(Misconfiguration.ACCESS_KEY_NOT_ROTATED);
        }
        j.str("UserName", AwsEstate.shortId(slot.sibling(7))).str("AccessKeyId", AwsEstate.shortId(slot))
                .str("Status", active ? "Active" : "Inactive").str("CreateDate", created.toString());
    }

    private void bucket(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean open = (slot.u(FLAG) < 0.08) != slot.state().securityFlipped;
        String bucket = slot.nativeId().substring("arn:aws:s3:::".length());
        draft.name = bucket;
        draft.state = "available";
        if (open) {
            draft.misconfigured(Misconfiguration.PUBLIC_BUCKET);
        }
        j.str("Name", bucket).str("CreationDate", slot.createdAt().toString()).str("Location", slot.blockRegion())
                .beginObject("Acl").beginObject("Owner").str("ID", ResourceNames.hex(slot, 16)).endObject()
                .beginArray("Grants").beginObject().beginObject("Grantee").str("Type", "CanonicalUser")
                .str("ID", ResourceNames.hex(slot, 16)).endObject().str("Permission", "FULL_CONTROL").endObject();
        if (open) {
            j.beginObject().beginObject("Grantee").str("Type", "Group")
                    .str("URI", "http://acs.amazonaws.com/groups/global/AllUsers").endObject()
                    .str("Permission", "READ").endObject();
        }
        j.endArray().endObject().beginObject("PublicAccessBlockConfiguration").bool("BlockPublicAcls", !open)
                .bool("IgnorePublicAcls", !open).bool("BlockPublicPolicy", !open).bool("RestrictPublicBuckets", !open)
                .endObject().beginObject("ServerSideEncryptionConfiguration").beginArray("Rules").beginObject()
                .beginObject("ApplyServerSideEncryptionByDefault").str("SSEAlgorithm", "AES256").endObject()
                .endObject().endArray().endObject();
    }

    private void database(Slot slot, ResourceDraft draft, JsonWriter j) {
        boolean stopped = (slot.u(FLAG + 1) < 0.08) != slot.state().powerToggled;
        boolean publicDb = (slot.u(FLAG) < 0.1) != slot.state().securityFlipped;
        int size = (slot.pick(INITIAL, 4) + slot.state().resizes) % DB_CLASSES.length;
        draft.state = stopped ? "stopped" : "available";
        if (stopped) {
            draft.label(GroundTruthLabel.IDLE);
        }
        if (publicDb) {
            draft.misconfigured(Misconfiguration.PUBLIC_DATABASE);
        }
        draft.relate("in-network", slot.sibling(0));
        draft.relate("in-subnet", slot.sibling(1));
        draft.relate("security-group", slot.sibling(3));
        j.str("DBInstanceIdentifier", draft.name).str("DBInstanceClass", DB_CLASSES[size]).str("Engine", "postgres")
                .str("EngineVersion", "16.4").str("DBInstanceStatus", draft.state).str("MasterUsername", "app")
                .beginObject("Endpoint").str("Address", draft.name + "." + ResourceNames.hex(slot, 12) + "."
                        + slot.blockRegion() + ".rds.amazonaws.com").num("Port", 5432).endObject()
                .num("AllocatedStorage", 100).str("InstanceCreateTime", slot.createdAt().toString())
                .beginArray("VpcSecurityGroups").beginObject().str("VpcSecurityGroupId", AwsEstate.shortId(slot.sibling(3)))
                .str("Status", "active").endObject().endArray()
                .beginObject("DBSubnetGroup").str("VpcId", AwsEstate.shortId(slot.sibling(0))).endObject()
                .str("AvailabilityZone", AwsEstate.zone(slot)).bool("MultiAZ", slot.u(INITIAL + 1) < 0.4)
                .bool("PubliclyAccessible", publicDb).bool("StorageEncrypted", true).str("DBInstanceArn", slot.nativeId());
    }

    private void loadBalancer(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "active";
        draft.relate("in-network", slot.sibling(0));
        draft.relate("security-group", slot.sibling(3));
        for (int unit = 0; unit < AwsEstate.UNITS; unit++) {
            draft.relate("routes-to", slot.sibling(AwsEstate.UNITS_START + unit * AwsEstate.UNIT_SIZE + AwsEstate.INSTANCE));
        }
        j.str("LoadBalancerArn", slot.nativeId()).str("DNSName", draft.name + "-" + ResourceNames.hex(slot, 8) + "."
                        + slot.blockRegion() + ".elb.amazonaws.com").str("CreatedTime", slot.createdAt().toString())
                .str("LoadBalancerName", draft.name).str("Scheme", "internet-facing")
                .str("VpcId", AwsEstate.shortId(slot.sibling(0))).beginObject("State").str("Code", "active").endObject()
                .str("Type", "application").stringArray("SecurityGroups", AwsEstate.shortId(slot.sibling(3)))
                .str("IpAddressType", "ipv4");
    }

    private void function(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot role = slot.sibling(6);
        draft.state = "active";
        draft.relate("uses-role", role);
        int memory = MEMORY[(slot.pick(INITIAL, 3) + slot.state().resizes) % MEMORY.length];
        j.str("FunctionName", draft.name).str("FunctionArn", slot.nativeId())
                .str("Runtime", RUNTIMES[slot.pick(INITIAL + 1, RUNTIMES.length)]).str("Role", role.nativeId())
                .str("Handler", "app.handler").num("CodeSize", 1024 + slot.pick(INITIAL + 2, 50_000_000))
                .num("Timeout", 30).num("MemorySize", memory).str("LastModified", slot.createdAt().toString())
                .str("Version", "$LATEST").str("PackageType", "Zip").stringArray("Architectures", "x86_64");
    }

    private void cluster(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "active";
        draft.relate("in-network", slot.sibling(0));
        draft.relate("in-subnet", slot.sibling(1));
        draft.relate("in-subnet", slot.sibling(2));
        draft.relate("uses-role", slot.sibling(6));
        String version = K8S_VERSIONS[(slot.pick(INITIAL, 2) + slot.state().resizes) % K8S_VERSIONS.length];
        j.str("name", draft.name).str("arn", slot.nativeId()).str("createdAt", slot.createdAt().toString())
                .str("version", version).str("roleArn", slot.sibling(6).nativeId())
                .beginObject("resourcesVpcConfig")
                .stringArray("subnetIds", AwsEstate.shortId(slot.sibling(1)), AwsEstate.shortId(slot.sibling(2)))
                .stringArray("securityGroupIds", AwsEstate.shortId(slot.sibling(3)))
                .str("vpcId", AwsEstate.shortId(slot.sibling(0))).bool("endpointPublicAccess", true)
                .bool("endpointPrivateAccess", false).endObject().str("status", "ACTIVE").str("platformVersion", "eks.8");
    }
}
