package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.ResourceRelation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Ground-truth labels agree with what the configuration JSON shows, for every provider, at first and later syncs. */
class GroundTruthLabelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant ROTATION_LIMIT = Slot.EPOCH.minus(Duration.ofDays(90));

    @Test
    void labelsAgreeWithTheConfigurationJson() {
        Set<GroundTruthLabel> seenLabels = EnumSet.noneOf(GroundTruthLabel.class);
        Set<Misconfiguration> seenMisconfigurations = EnumSet.noneOf(Misconfiguration.class);
        for (String provider : List.of("aws", "azure", "gcp")) {
            for (long sync : new long[]{1, 4}) {
                Map<String, String> raw = SimulatorEstateTest.config(provider, 6000, "changeRate", "80");
                List<SimulatedEstate.Labelled> estate = SimulatedEstate.of(raw).labelledResources(sync).toList();
                Set<String> attachedTargets = new HashSet<>();
                estate.forEach(l -> l.resource().relations().stream().filter(r -> r.type().equals("attached-volume"))
                        .map(ResourceRelation::targetNativeId).forEach(attachedTargets::add));
                long untagged = 0;
                for (SimulatedEstate.Labelled l : estate) {
                    check(l.resource(), l.truth(), attachedTargets);
                    seenLabels.addAll(l.truth().labels());
                    seenMisconfigurations.addAll(l.truth().misconfigurations());
                    untagged += l.truth().labels().contains(GroundTruthLabel.UNTAGGED) ? 1 : 0;
                }
                assertThat((double) untagged / estate.size()).as("%s untagged share", provider).isBetween(0.08, 0.25);
            }
        }
        assertThat(seenLabels).containsExactlyInAnyOrder(GroundTruthLabel.values());
        assertThat(seenMisconfigurations).containsExactlyInAnyOrder(Misconfiguration.values());
    }

    private static void check(DiscoveredResource r, LabelledResource truth, Set<String> attachedTargets) {
        JsonNode json = JSON.readTree(r.configurationJson());
        Set<GroundTruthLabel> labels = truth.labels();
        Set<Misconfiguration> mis = truth.misconfigurations();
        String as = r.type() + " " + r.nativeId();
        assertThat(truth.nativeId()).isEqualTo(r.nativeId());
        assertThat(labels.contains(GroundTruthLabel.MISCONFIGURED)).as(as).isEqualTo(!mis.isEmpty());
        if (labels.contains(GroundTruthLabel.UNTAGGED)) {
            assertThat(r.tags()).as(as).isEmpty();
        }
        boolean orphaned = labels.contains(GroundTruthLabel.ORPHANED);
        boolean idle = labels.contains(GroundTruthLabel.IDLE);
        switch (r.type()) {
            case "AWS::EC2::Volume" -> {
                assertThat(json.get("Attachments").isEmpty()).as(as).isEqualTo(orphaned);
                assertThat(!json.get("Encrypted").asBoolean()).as(as).isEqualTo(mis.contains(Misconfiguration.UNENCRYPTED_VOLUME));
            }
            case "Microsoft.Compute/disks" -> {
                assertThat(!json.has("managedBy") && text(json, "properties", "diskState").equals("Unattached"))
                        .as(as).isEqualTo(orphaned);
                assertThat(!json.get("properties").get("encryptionSettingsCollection").get("enabled").asBoolean())
                        .as(as).isEqualTo(mis.contains(Misconfiguration.UNENCRYPTED_VOLUME));
            }
            case "compute.googleapis.com/Disk" -> assertThat(data(json).get("users").isEmpty()).as(as).isEqualTo(orphaned);
            case "AWS::EC2::EIP" -> assertThat(!json.has("AssociationId")).as(as).isEqualTo(orphaned);
            case "Microsoft.Network/publicIPAddresses" ->
                    assertThat(!json.get("properties").has("ipConfiguration")).as(as).isEqualTo(orphaned);
            case "compute.googleapis.com/Address" ->
                    assertThat(data(json).get("status").asString().equals("RESERVED")).as(as).isEqualTo(orphaned);
            case "AWS::EC2::NetworkInterface" -> assertThat(!json.has("Attachment")).as(as).isEqualTo(orphaned);
            case "Microsoft.Network/networkInterfaces" ->
                    assertThat(!json.get("properties").has("virtualMachine")).as(as).isEqualTo(orphaned);
            case "AWS::S3::Bucket" -> assertThat(json.get("Acl").get("Grants").toString().contains("AllUsers")
                    && !json.get("PublicAccessBlockConfiguration").get("BlockPublicAcls").asBoolean())
                    .as(as).isEqualTo(mis.contains(Misconfiguration.PUBLIC_BUCKET));
            case "Microsoft.Storage/storageAccounts" ->
                    assertThat(json.get("properties").get("allowBlobPublicAccess").asBoolean())
                            .as(as).isEqualTo(mis.contains(Misconfiguration.PUBLIC_BUCKET));
            case "storage.googleapis.com/Bucket" -> assertThat(data(json).get("acl").toString().contains("allUsers"))
                    .as(as).isEqualTo(mis.contains(Misconfiguration.PUBLIC_BUCKET));
            case "AWS::EC2::SecurityGroup" -> assertThat(StreamSupport.stream(json.get("IpPermissions").spliterator(), false)
                    .anyMatch(p -> p.get("FromPort").asInt() == 22 && p.get("IpRanges").toString().contains("0.0.0.0/0")))
                    .as(as).isEqualTo(mis.contains(Misconfiguration.OPEN_SSH_TO_WORLD));
            case "Microsoft.Network/networkSecurityGroups" -> assertThat(StreamSupport.stream(
                            json.get("properties").get("securityRules").spliterator(), false)
                    .anyMatch(p -> text(p, "properties", "destinationPortRange").equals("22")
                            && text(p, "properties", "sourceAddressPrefix").equals("*")))
                    .as(as).isEqualTo(mis.contains(Misconfiguration.OPEN_SSH_TO_WORLD));
            case "compute.googleapis.com/Firewall" -> assertThat(data(json).get("sourceRanges").toString().contains("0.0.0.0/0")
                    && data(json).get("allowed").toString().contains("\"22\""))
                    .as(as).isEqualTo(mis.contains(Misconfiguration.OPEN_SSH_TO_WORLD));
            case "AWS::IAM::AccessKey" -> assertThat(Instant.parse(json.get("CreateDate").asString()).isBefore(ROTATION_LIMIT))
                    .as(as).isEqualTo(mis.contains(Misconfiguration.ACCESS_KEY_NOT_ROTATED));
            case "iam.googleapis.com/ServiceAccountKey" ->
                    assertThat(Instant.parse(data(json).get("validAfterTime").asString()).isBefore(ROTATION_LIMIT))
                            .as(as).isEqualTo(mis.contains(Misconfiguration.ACCESS_KEY_NOT_ROTATED));
            case "AWS::RDS::DBInstance" -> {
                assertThat(json.get("PubliclyAccessible").asBoolean()).as(as).isEqualTo(mis.contains(Misconfiguration.PUBLIC_DATABASE));
                assertThat(json.get("DBInstanceStatus").asString().equals("stopped")).as(as).isEqualTo(idle);
            }
            case "sqladmin.googleapis.com/Instance" -> {
                assertThat(data(json).get("settings").get("ipConfiguration").get("authorizedNetworks").toString()
                        .contains("0.0.0.0/0")).as(as).isEqualTo(mis.contains(Misconfiguration.PUBLIC_DATABASE));
                assertThat(data(json).get("settings").get("activationPolicy").asString().equals("NEVER")).as(as).isEqualTo(idle);
            }
            case "AWS::KMS::Key" -> assertThat(!json.get("KeyRotationEnabled").asBoolean())
                    .as(as).isEqualTo(mis.contains(Misconfiguration.KEY_ROTATION_DISABLED));
            case "cloudkms.googleapis.com/CryptoKey" -> assertThat(!data(json).has("rotationPeriod"))
                    .as(as).isEqualTo(mis.contains(Misconfiguration.KEY_ROTATION_DISABLED));
            case "AWS::EC2::Instance" -> {
                assertThat(json.get("State").get("Name").asString().equals("stopped")).as(as).isEqualTo(idle);
                oversized(labels, json.get("InstanceType").asString(), AwsComputeDocuments.INSTANCE_TYPES,
                        AwsComputeDocuments.FIRST_LARGE, as);
            }
            case "Microsoft.Compute/virtualMachines" -> {
                assertThat(json.get("properties").get("instanceView").toString().contains("PowerState/deallocated"))
                        .as(as).isEqualTo(idle);
                oversized(labels, text(json, "properties", "hardwareProfile").isEmpty() ? ""
                                : json.get("properties").get("hardwareProfile").get("vmSize").asString(),
                        AzureComputeDocuments.VM_SIZES, AzureComputeDocuments.FIRST_LARGE, as);
            }
            case "compute.googleapis.com/Instance" -> {
                assertThat(data(json).get("status").asString().equals("TERMINATED")).as(as).isEqualTo(idle);
                String machineType = data(json).get("machineType").asString();
                oversized(labels, machineType.substring(machineType.lastIndexOf('/') + 1),
                        GcpComputeDocuments.MACHINE_TYPES, GcpComputeDocuments.FIRST_LARGE, as);
            }
            default -> {
                // other types carry no type-specific labels beyond UNTAGGED and the misconfigurations above
            }
        }
        if (orphaned && r.type().matches(".*(Volume|disks|Disk)$")) {
            assertThat(attachedTargets).as("no instance references orphaned %s", as).doesNotContain(r.nativeId());
        }
    }

    private static void oversized(Set<GroundTruthLabel> labels, String size, String[] sizes, int firstLarge, String as) {
        if (labels.contains(GroundTruthLabel.OVERSIZED)) {
            assertThat(List.of(sizes).indexOf(size)).as("oversized %s has a large size", as).isGreaterThanOrEqualTo(firstLarge);
            assertThat(labels).doesNotContain(GroundTruthLabel.IDLE);
        }
    }

    private static JsonNode data(JsonNode asset) {
        return asset.get("resource").get("data");
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null || !n.isValueNode() ? (n == null ? "" : n.toString()) : n.asString();
    }
}
