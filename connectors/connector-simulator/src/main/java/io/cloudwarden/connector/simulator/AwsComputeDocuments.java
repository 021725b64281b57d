package io.cloudwarden.connector.simulator;

import java.util.Map;

import static io.cloudwarden.connector.simulator.AwsEstate.DATA_VOLUME;
import static io.cloudwarden.connector.simulator.AwsEstate.ELASTIC_IP;
import static io.cloudwarden.connector.simulator.AwsEstate.INSTANCE;
import static io.cloudwarden.connector.simulator.AwsEstate.NIC;
import static io.cloudwarden.connector.simulator.AwsEstate.ROOT_VOLUME;
import static io.cloudwarden.connector.simulator.AwsEstate.UNITS_START;
import static io.cloudwarden.connector.simulator.AwsEstate.UNIT_SIZE;

/** EC2 documents (VPC, subnet, security group, AMI, volume, EIP, ENI, instance, snapshot) shaped like boto3 output. */
final class AwsComputeDocuments {

    static final long ATTACH = 0x41545441;
    static final long ASSOCIATE = 0x41535343;
    static final long INITIAL = 0x494E4954;
    static final long FLAG = 0x464C4147;
    static final long OVERSIZE = 0x4F565253;
    static final String[] INSTANCE_TYPES = {"t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge",
            "m5.2xlarge", "m5.4xlarge", "r5.8xlarge"};
    static final int FIRST_LARGE = 7;

    void render(AwsKind kind, Slot slot, ResourceDraft draft) {
        String name = ResourceNames.name(slot);
        draft.name = name;
        draft.tags = TagGenerator.tags(slot, name, false);
        JsonWriter j = new JsonWriter().beginObject();
        switch (kind) {
            case VPC -> vpc(slot, draft, j);
            case SUBNET -> subnet(slot, draft, j);
            case SECURITY_GROUP -> securityGroup(slot, draft, j);
            case IMAGE -> image(slot, draft, j);
            case VOLUME -> volume(slot, draft, j);
            case ELASTIC_IP -> elasticIp(slot, draft, j);
            case NETWORK_INTERFACE -> networkInterface(slot, draft, j);
            case INSTANCE -> instance(slot, draft, j);
            case SNAPSHOT -> snapshot(slot, draft, j);
            default -> throw new IllegalArgumentException(kind.name());
        }
        tags(j, "Tags", draft.tags);
        draft.json = j.endObject().toString();
    }

    static void tags(JsonWriter j, String field, Map<String, String> tags) {
        j.beginArray(field);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            j.beginObject().str("Key", t.getKey()).str("Value", t.getValue()).endObject();
        }
        j.endArray();
    }

    static Slot unitSibling(Slot slot, int role) {
        int unit = (slot.position() - UNITS_START) / UNIT_SIZE;
        return slot.sibling(UNITS_START + unit * UNIT_SIZE + role);
    }

    static int unit(Slot slot) {
        return (slot.position() - UNITS_START) / UNIT_SIZE;
    }

    /** Whether a volume is meant to be attached to its unit's instance (root volumes always are). */
    static boolean attachable(Slot volume) {
        return (volume.position() - UNITS_START) % UNIT_SIZE == ROOT_VOLUME || volume.u(ATTACH) < 0.85;
    }

    /** Whether the unit's elastic IP is meant to be associated with its network interface. */
    static boolean associable(Slot eip) {
        return eip.u(ASSOCIATE) < 0.8;
    }

    private void vpc(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "available";
        j.str("CidrBlock", IpAddresses.cidr(slot)).str("DhcpOptionsId", ResourceNames.awsId(slot, "dopt-")).str("State", "available")
                .str("VpcId", AwsEstate.shortId(slot)).str("OwnerId", slot.accountId()).str("InstanceTenancy", "default")
                .bool("IsDefault", false);
    }

    private void subnet(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot vpc = slot.sibling(0);
        draft.state = "available";
        draft.relate("in-network", vpc);
        j.str("AvailabilityZone", AwsEstate.zone(slot)).num("AvailableIpAddressCount", 240 + slot.pick(INITIAL, 10))
                .str("CidrBlock", "10." + (slot.block() % 256) + "." + slot.position() + ".0/24")
                .bool("DefaultForAz", false).bool("MapPublicIpOnLaunch", slot.position() == 1).str("State", "available")
                .str("SubnetId", AwsEstate.shortId(slot)).str("VpcId", AwsEstate.shortId(vpc))
                .str("OwnerId", slot.accountId()).str("SubnetArn", slot.nativeId());
    }

    /** Open SSH is the initial 12% XOR toggled by SECURITY mutations. */
    static boolean openSsh(Slot sg) {
        return (sg.u(FLAG) < 0.12) != sg.state().securityFlipped;
    }

    private void securityGroup(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot vpc = slot.sibling(0);
        draft.relate("in-network", vpc);
        j.str("Description", "security group for " + draft.name).str("GroupName", draft.name)
                .str("GroupId", AwsEstate.shortId(slot)).str("OwnerId", slot.accountId()).str("VpcId", AwsEstate.shortId(vpc));
        j.beginArray("IpPermissions");
        permission(j, 443, "0.0.0.0/0");
        if (openSsh(slot)) {
            permission(j, 22, "0.0.0.0/0");
            draft.misconfigured(Misconfiguration.OPEN_SSH_TO_WORLD);
        } else {
            permission(j, 22, IpAddresses.cidr(slot));
        }
        for (int r = 1; r <= slot.state().rulesAdded; r++) {
            permission(j, 8000 + r, IpAddresses.cidr(slot));
        }
        j.endArray();
        j.beginArray("IpPermissionsEgress").beginObject().str("IpProtocol", "-1")
                .beginArray("IpRanges").beginObject().str("CidrIp", "0.0.0.0/0").endObject().endArray()
                .endObject().endArray();
    }

    private static void permission(JsonWriter j, int port, String cidr) {
        j.beginObject().num("FromPort", port).str("IpProtocol", "tcp").beginArray("IpRanges").beginObject()
                .str("CidrIp", cidr).endObject().endArray().num("ToPort", port).endObject();
    }

    private void image(Slot slot, ResourceDraft draft, JsonWriter j) {
        draft.state = "available";
        j.str("Architecture", "x86_64").str("CreationDate", slot.createdAt().toString())
                .str("ImageId", AwsEstate.shortId(slot)).str("ImageLocation", slot.accountId() + "/" + draft.name)
                .str("ImageType", "machine").bool("Public", false).str("OwnerId", slot.accountId())
                .str("PlatformDetails", "Linux/UNIX").str("State", "available").str("Name", draft.name)
                .str("RootDeviceName", "/dev/xvda").str("RootDeviceType", "ebs").str("VirtualizationType", "hvm");
    }

    private void volume(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot instance = unitSibling(slot, INSTANCE);
        boolean attached = attachable(slot) && instance.alive();
        if (attachable(slot)) {
            draft.dependsOn(slot, instance);
        }
        boolean encrypted = (slot.u(FLAG) < 0.8) != slot.state().securityFlipped;
        draft.state = attached ? "in-use" : "available";
        j.beginArray("Attachments");
        if (attached) {
            boolean root = (slot.position() - UNITS_START) % UNIT_SIZE == ROOT_VOLUME;
            j.beginObject().str("Device", root ? "/dev/xvda" : "/dev/sdf")
                    .str("InstanceId", AwsEstate.shortId(instance)).str("State", "attached")
                    .str("VolumeId", AwsEstate.shortId(slot)).bool("DeleteOnTermination", false).endObject();
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        j.endArray().str("AvailabilityZone", AwsEstate.zone(slot)).str("CreateTime", slot.createdAt().toString())
                .bool("Encrypted", encrypted).num("Size", volumeSize(slot)).str("State", draft.state)
                .str("VolumeId", AwsEstate.shortId(slot)).num("Iops", 3000).str("VolumeType", slot.u(INITIAL) < 0.7 ? "gp3" : "gp2")
                .bool("MultiAttachEnabled", false);
        if (!encrypted) {
            draft.misconfigured(Misconfiguration.UNENCRYPTED_VOLUME);
        }
    }

    static long volumeSize(Slot volume) {
        return baseVolumeSize(volume) * (1L + volume.state().resizes);
    }

    private static final long[] VOLUME_SIZES = {8, 20, 50, 100, 200, 500};

    static long baseVolumeSize(Slot volume) {
        return VOLUME_SIZES[volume.pick(INITIAL, VOLUME_SIZES.length)];
    }

    private void elasticIp(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot nic = unitSibling(slot, NIC);
        boolean associated = associable(slot) && nic.alive();
        if (associable(slot)) {
            draft.dependsOn(slot, nic);
        }
        draft.state = associated ? "associated" : "unassociated";
        j.str("PublicIp", IpAddresses.publicIp(slot)).str("AllocationId", AwsEstate.shortId(slot)).str("Domain", "vpc")
                .str("NetworkBorderGroup", slot.blockRegion()).str("PublicIpv4Pool", "amazon");
        if (associated) {
            j.str("AssociationId", ResourceNames.awsId(slot, "eipassoc-")).str("NetworkInterfaceId", AwsEstate.shortId(nic))
                    .str("NetworkInterfaceOwnerId", slot.accountId()).str("PrivateIpAddress", IpAddresses.privateIp(nic));
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
    }

    private void networkInterface(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot instance = unitSibling(slot, INSTANCE);
        Slot subnet = slot.sibling(1 + unit(slot) % 2);
        Slot sg = slot.sibling(3);
        Slot eip = unitSibling(slot, ELASTIC_IP);
        boolean attached = instance.alive();
        draft.dependsOn(slot, instance);
        draft.state = attached ? "in-use" : "available";
        draft.relate("in-subnet", subnet);
        draft.relate("security-group", sg);
        draft.relate("in-network", slot.sibling(0));
        boolean hasEip = eip.kind() == AwsKind.ELASTIC_IP && associable(eip);
        if (hasEip) {
            draft.relate("public-ip", eip);
            j.beginObject("Association").str("AllocationId", AwsEstate.shortId(eip)).str("PublicIp", IpAddresses.publicIp(eip))
                    .str("IpOwnerId", slot.accountId()).endObject();
        }
        if (attached) {
            j.beginObject("Attachment").str("AttachmentId", ResourceNames.awsId(slot, "eni-attach-"))
                    .num("DeviceIndex", 0).str("InstanceId", AwsEstate.shortId(instance)).str("Status", "attached").endObject();
        } else {
            draft.label(GroundTruthLabel.ORPHANED);
        }
        j.str("AvailabilityZone", AwsEstate.zone(slot)).beginArray("Groups").beginObject()
                .str("GroupName", ResourceNames.name(sg)).str("GroupId", AwsEstate.shortId(sg)).endObject().endArray()
                .str("InterfaceType", "interface").str("NetworkInterfaceId", AwsEstate.shortId(slot))
                .str("OwnerId", slot.accountId()).str("PrivateIpAddress", IpAddresses.privateIp(slot)).bool("SourceDestCheck", true)
                .str("Status", draft.state).str("SubnetId", AwsEstate.shortId(subnet))
                .str("VpcId", AwsEstate.shortId(slot.sibling(0)));
    }

    private void instance(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot root = unitSibling(slot, ROOT_VOLUME);
        Slot data = unitSibling(slot, DATA_VOLUME);
        Slot nic = unitSibling(slot, NIC);
        Slot subnet = slot.sibling(1 + unit(slot) % 2);
        Slot sg = slot.sibling(3);
        Slot image = slot.sibling(4);
        boolean stopped = (slot.u(FLAG) < 0.1) != slot.state().powerToggled;
        int size = (slot.pick(INITIAL, FIRST_LARGE + 1) + slot.state().resizes) % INSTANCE_TYPES.length;
        draft.state = stopped ? "stopped" : "running";
        if (stopped) {
            draft.label(GroundTruthLabel.IDLE);
        } else if (size >= FIRST_LARGE && slot.u(OVERSIZE) < 0.75) {
            draft.label(GroundTruthLabel.OVERSIZED);
        }
        draft.relate("attached-volume", root);
        boolean withData = attachable(data);
        if (withData) {
            draft.relate("attached-volume", data);
        }
        draft.relate("network-interface", nic);
        draft.relate("security-group", sg);
        draft.relate("in-subnet", subnet);
        draft.relate("in-network", slot.sibling(0));
        draft.relate("created-from-image", image);
        j.num("AmiLaunchIndex", 0).str("ImageId", AwsEstate.shortId(image)).str("InstanceId", AwsEstate.shortId(slot))
                .str("InstanceType", INSTANCE_TYPES[size]).str("LaunchTime", slot.createdAt().toString())
                .beginObject("Monitoring").str("State", "disabled").endObject()
                .beginObject("Placement").str("AvailabilityZone", AwsEstate.zone(slot)).str("GroupName", "")
                .str("Tenancy", "default").endObject()
                .str("PrivateIpAddress", IpAddresses.privateIp(nic))
                .beginObject("State").num("Code", stopped ? 80 : 16).str("Name", draft.state).endObject()
                .str("SubnetId", AwsEstate.shortId(subnet)).str("VpcId", AwsEstate.shortId(slot.sibling(0)))
                .str("Architecture", "x86_64").beginArray("BlockDeviceMappings");
        device(j, "/dev/xvda", root);
        if (withData) {
            device(j, "/dev/sdf", data);
        }
        j.endArray().bool("EbsOptimized", size >= 4).str("Hypervisor", "xen")
                .beginArray("NetworkInterfaces").beginObject().str("NetworkInterfaceId", AwsEstate.shortId(nic))
                .str("PrivateIpAddress", IpAddresses.privateIp(nic)).str("Status", "in-use").endObject().endArray()
                .str("RootDeviceName", "/dev/xvda").str("RootDeviceType", "ebs")
                .beginArray("SecurityGroups").beginObject().str("GroupName", ResourceNames.name(sg))
                .str("GroupId", AwsEstate.shortId(sg)).endObject().endArray().str("VirtualizationType", "hvm");
    }

    private static void device(JsonWriter j, String name, Slot volume) {
        j.beginObject().str("DeviceName", name).beginObject("Ebs").bool("DeleteOnTermination", false)
                .str("Status", "attached").str("VolumeId", AwsEstate.shortId(volume)).endObject().endObject();
    }

    /** The volume a snapshot was taken from: the unit's data volume, its root volume, or unit 0's root volume. */
    static Slot snapshotSource(Slot snapshot) {
        if (snapshot.position() >= AwsEstate.DB) {
            return snapshot.sibling(UNITS_START + ROOT_VOLUME);
        }
        int role = (snapshot.position() - UNITS_START) % UNIT_SIZE;
        return unitSibling(snapshot, role == ELASTIC_IP ? ROOT_VOLUME : DATA_VOLUME);
    }

    private void snapshot(Slot slot, ResourceDraft draft, JsonWriter j) {
        Slot volume = snapshotSource(slot);
        draft.state = "completed";
        draft.relate("snapshot-of", volume);
        j.str("Description", "Created for backup of " + AwsEstate.shortId(volume)).bool("Encrypted", volume.u(FLAG) < 0.8)
                .str("OwnerId", slot.accountId()).str("Progress", "100%").str("SnapshotId", AwsEstate.shortId(slot))
                .str("StartTime", slot.createdAt().toString()).str("State", "completed")
                .str("VolumeId", AwsEstate.shortId(volume)).num("VolumeSize", baseVolumeSize(volume))
                .str("StorageTier", "standard");
    }
}
