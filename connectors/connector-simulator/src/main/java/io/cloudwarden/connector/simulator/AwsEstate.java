package io.cloudwarden.connector.simulator;

/**
 * AWS estate layout. A block of 45 resources is one workload: a VPC with two subnets and a security group,
 * an AMI, IAM role/user/access key, a bucket, five compute units (root and data volume, elastic IP or extra
 * snapshot, network interface, instance, snapshot), a database, a load balancer, a Lambda function, and in
 * some blocks a KMS key or an EKS cluster.
 */
final class AwsEstate implements ProviderEstate {

    static final int UNITS_START = 10;
    static final int UNIT_SIZE = 6;
    static final int UNITS = 5;
    static final int ROOT_VOLUME = 0;
    static final int DATA_VOLUME = 1;
    static final int ELASTIC_IP = 2;
    static final int NIC = 3;
    static final int INSTANCE = 4;
    static final int SNAPSHOT = 5;
    private static final AwsKind[] HEAD = {AwsKind.VPC, AwsKind.SUBNET, AwsKind.SUBNET, AwsKind.SECURITY_GROUP,
            AwsKind.IMAGE, AwsKind.KMS_KEY, AwsKind.IAM_ROLE, AwsKind.IAM_USER, AwsKind.ACCESS_KEY, AwsKind.S3_BUCKET};
    private static final AwsKind[] UNIT = {AwsKind.VOLUME, AwsKind.VOLUME, AwsKind.ELASTIC_IP,
            AwsKind.NETWORK_INTERFACE, AwsKind.INSTANCE, AwsKind.SNAPSHOT};
    private static final AwsKind[] TAIL = {AwsKind.DB_INSTANCE, AwsKind.LOAD_BALANCER, AwsKind.LAMBDA_FUNCTION,
            AwsKind.EKS_CLUSTER, AwsKind.SNAPSHOT};
    static final int DB = UNITS_START + UNITS * UNIT_SIZE;
    private static final int BLOCK = DB + TAIL.length;

    private final AwsComputeDocuments compute = new AwsComputeDocuments();
    private final AwsServiceDocuments services = new AwsServiceDocuments();

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public ResourceKind kindAt(long block, int position) {
        if (position < UNITS_START) {
            AwsKind kind = HEAD[position];
            return kind == AwsKind.KMS_KEY && block % 3 != 0 ? AwsKind.IAM_ROLE : kind;
        }
        if (position < DB) {
            int unit = (position - UNITS_START) / UNIT_SIZE;
            int role = (position - UNITS_START) % UNIT_SIZE;
            return role == ELASTIC_IP && unit >= 2 ? AwsKind.SNAPSHOT : UNIT[role];
        }
        AwsKind kind = TAIL[position - DB];
        return kind == AwsKind.EKS_CLUSTER && block % 4 != 0 ? AwsKind.LAMBDA_FUNCTION : kind;
    }

    /** Short provider id such as {@code i-0abc...}, {@code vol-...}, or the name for named resources. */
    static String shortId(Slot slot) {
        return switch ((AwsKind) slot.kind()) {
            case VPC -> ResourceNames.awsId(slot, "vpc-");
            case SUBNET -> ResourceNames.awsId(slot, "subnet-");
            case SECURITY_GROUP -> ResourceNames.awsId(slot, "sg-");
            case IMAGE -> ResourceNames.awsId(slot, "ami-");
            case KMS_KEY -> ResourceNames.guid(slot);
            case ACCESS_KEY -> "AKIA" + ResourceNames.hex(slot, 16).toUpperCase(java.util.Locale.ROOT);
            case VOLUME -> ResourceNames.awsId(slot, "vol-");
            case ELASTIC_IP -> ResourceNames.awsId(slot, "eipalloc-");
            case NETWORK_INTERFACE -> ResourceNames.awsId(slot, "eni-");
            case INSTANCE -> ResourceNames.awsId(slot, "i-");
            case SNAPSHOT -> ResourceNames.awsId(slot, "snap-");
            default -> ResourceNames.name(slot);
        };
    }

    @Override
    public String nativeId(Slot slot) {
        String region = slot.blockRegion();
        String account = slot.accountId();
        String id = shortId(slot);
        String ec2 = "arn:aws:ec2:" + region + ":" + account + ":";
        return switch ((AwsKind) slot.kind()) {
            case VPC -> ec2 + "vpc/" + id;
            case SUBNET -> ec2 + "subnet/" + id;
            case SECURITY_GROUP -> ec2 + "security-group/" + id;
            case IMAGE -> "arn:aws:ec2:" + region + "::image/" + id;
            case SNAPSHOT -> "arn:aws:ec2:" + region + "::snapshot/" + id;
            case VOLUME -> ec2 + "volume/" + id;
            case ELASTIC_IP -> ec2 + "elastic-ip/" + id;
            case NETWORK_INTERFACE -> ec2 + "network-interface/" + id;
            case INSTANCE -> ec2 + "instance/" + id;
            case KMS_KEY -> "arn:aws:kms:" + region + ":" + account + ":key/" + id;
            case IAM_ROLE -> "arn:aws:iam::" + account + ":role/" + id;
            case IAM_USER -> "arn:aws:iam::" + account + ":user/" + id;
            // Access keys have no ARN of their own; the key id is scoped under its user's ARN.
            case ACCESS_KEY -> "arn:aws:iam::" + account + ":user/" + shortId(slot.sibling(7)) + "/access-key/" + id;
            case S3_BUCKET -> "arn:aws:s3:::" + id + "-" + ResourceNames.hex(slot, 6);
            case DB_INSTANCE -> "arn:aws:rds:" + region + ":" + account + ":db:" + id;
            case LOAD_BALANCER -> "arn:aws:elasticloadbalancing:" + region + ":" + account + ":loadbalancer/app/"
                    + id + "/" + ResourceNames.hex(slot, 16);
            case LAMBDA_FUNCTION -> "arn:aws:lambda:" + region + ":" + account + ":function:" + id;
            case EKS_CLUSTER -> "arn:aws:eks:" + region + ":" + account + ":cluster/" + id;
        };
    }

    /** Availability zone of the block, e.g. {@code us-east-1b}. */
    static String zone(Slot slot) {
        return slot.blockRegion() + (char) ('a' + DeterministicHash.pick(slot.blockHash(0x5A), 3));
    }

    @Override
    public void render(Slot slot, ResourceDraft draft) {
        AwsKind kind = (AwsKind) slot.kind();
        switch (kind) {
            case VPC, SUBNET, SECURITY_GROUP, IMAGE, VOLUME, ELASTIC_IP, NETWORK_INTERFACE, INSTANCE, SNAPSHOT ->
                    compute.render(kind, slot, draft);
            default -> services.render(kind, slot, draft);
        }
    }
}
