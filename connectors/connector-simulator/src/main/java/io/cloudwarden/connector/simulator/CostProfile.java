package io.cloudwarden.connector.simulator;

import java.util.Map;

/**
 * How one billable resource kind is charged: its FOCUS service, SKU meter, pricing unit and list price.
 *
 * @param serviceName  FOCUS ServiceName, e.g. {@code Amazon Elastic Compute Cloud}
 * @param category     FOCUS ServiceCategory
 * @param subcategory  FOCUS ServiceSubcategory
 * @param resourceType FOCUS ResourceType (display name)
 * @param meter        FOCUS SkuMeter
 * @param unit         how the daily quantity is measured
 * @param listNanos    list price per pricing unit in nanos, unless the resource's size has its own price
 * @param compute      whether usage is virtual machine time (reservations cover it; weekend shut-down of dev)
 * @param flexible     whether a spend-based commitment (savings plan, flexible CUD) may cover it
 * @param egress       whether the resource may also bill internet egress (where egress anomalies are injected)
 */
record CostProfile(String serviceName, String category, String subcategory, String resourceType, String meter,
                   Unit unit, long listNanos, boolean compute, boolean flexible, boolean egress) {

    /** Daily quantity models. */
    enum Unit {
        /** 24 hours a day. */
        HOURS("Hours"),
        /** Provisioned gigabytes times 24 hours. */
        GB_HOURS("GB-Hours"),
        /** Requests or executions, with weekly seasonality and growth. */
        REQUESTS("Requests");

        final String focusUnit;

        Unit(String focusUnit) {
            this.focusUnit = focusUnit;
        }
    }

    private static final long PER_MONTH = 730;

    /** Hourly list prices (USD) of the instance, VM, machine and database sizes the simulator's inventory uses. */
    static final Map<String, Double> HOURLY = Map.ofEntries(
            Map.entry("t3.micro", 0.0104), Map.entry("t3.small", 0.0208), Map.entry("t3.medium", 0.0416),
            Map.entry("t3.large", 0.0832), Map.entry("m5.large", 0.096), Map.entry("m5.xlarge", 0.192),
            Map.entry("m5.2xlarge", 0.384), Map.entry("m5.4xlarge", 0.768), Map.entry("r5.8xlarge", 2.016),
            Map.entry("db.t3.micro", 0.017), Map.entry("db.t3.medium", 0.068), Map.entry("db.m5.large", 0.171),
            Map.entry("db.m5.xlarge", 0.342), Map.entry("db.r5.2xlarge", 1.0),
            Map.entry("Standard_B1s", 0.0104), Map.entry("Standard_B2s", 0.0416),
            Map.entry("Standard_D2s_v5", 0.096), Map.entry("Standard_D4s_v5", 0.192),
            Map.entry("Standard_D8s_v5", 0.384), Map.entry("Standard_E8s_v5", 0.504),
            Map.entry("Standard_D32s_v5", 1.536), Map.entry("Standard_E64s_v5", 4.032),
            Map.entry("Basic", 0.0068), Map.entry("S0", 0.0202), Map.entry("S1", 0.0404), Map.entry("S3", 0.2016),
            Map.entry("P1", 0.625), Map.entry("P2", 1.25),
            Map.entry("e2-micro", 0.0084), Map.entry("e2-small", 0.0168), Map.entry("e2-medium", 0.0335),
            Map.entry("n2-standard-2", 0.0971), Map.entry("n2-standard-4", 0.1942),
            Map.entry("n2-standard-8", 0.3885), Map.entry("n2-standard-32", 1.5539),
            Map.entry("n2-highmem-64", 4.2), Map.entry("db-f1-micro", 0.0105), Map.entry("db-g1-small", 0.035),
            Map.entry("db-custom-2-7680", 0.1314), Map.entry("db-custom-4-15360", 0.2628),
            Map.entry("db-custom-16-61440", 1.0512));

    static long nanos(double usd) {
        return Math.round(usd * 1e9);
    }

    /** The profile of {@code kind}, or null when the kind is free (networks, IAM, images, interfaces). */
    static CostProfile of(ResourceKind kind) {
        if (kind instanceof AwsKind k) {
            return aws(k);
        }
        if (kind instanceof AzureKind k) {
            return azure(k);
        }
        return gcp((GcpKind) kind);
    }

    private static CostProfile hours(String service, String category, String sub, String type, String meter,
                                     double hourly, boolean compute, boolean flexible, boolean egress) {
        return new CostProfile(service, category, sub, type, meter, Unit.HOURS, nanos(hourly), compute, flexible, egress);
    }

    private static CostProfile storage(String service, String sub, String type, String meter, double perGbMonth,
                                       boolean egress) {
        return new CostProfile(service, "Storage", sub, type, meter, Unit.GB_HOURS, nanos(perGbMonth / PER_MONTH),
                false, false, egress);
    }

    private static CostProfile requests(String service, String type, double perMillion) {
        return new CostProfile(service, "Compute", "Serverless Compute", type, "Requests", Unit.REQUESTS,
                nanos(perMillion / 1e6), false, true, false);
    }

    private static CostProfile aws(AwsKind kind) {
        String ec2 = "Amazon Elastic Compute Cloud";
        return switch (kind) {
            case INSTANCE -> hours(ec2, "Compute", "Virtual Machines", "Instance", "Compute Usage", 0.096, true, true, true);
            case VOLUME -> storage(ec2, "Block Storage", "Volume", "EBS:VolumeUsage.gp3", 0.08, false);
            case SNAPSHOT -> storage(ec2, "Backup Storage", "Snapshot", "EBS:SnapshotUsage", 0.05, false);
            case ELASTIC_IP -> hours(ec2, "Networking", "Network Infrastructure", "Elastic IP", "PublicIPv4:InUseAddress",
                    0.005, false, false, false);
            case DB_INSTANCE -> hours("Amazon Relational Database Service", "Databases", "Relational Databases",
                    "DB Instance", "InstanceUsage", 0.171, false, false, false);
            case LOAD_BALANCER -> hours("Elastic Load Balancing", "Networking", "Application Networking",
                    "Load Balancer", "LoadBalancerUsage", 0.0225, false, false, true);
            case LAMBDA_FUNCTION -> requests("AWS Lambda", "Function", 0.2);
            case EKS_CLUSTER -> hours("Amazon Elastic Kubernetes Service", "Compute", "Containers", "Cluster",
                    "AmazonEKS-Hours:perCluster", 0.10, false, false, false);
            case S3_BUCKET -> storage("Amazon Simple Storage Service", "Object Storage", "Bucket",
                    "TimedStorage-ByteHrs", 0.023, true);
            case KMS_KEY -> hours("AWS Key Management Service", "Security", "Secret Management", "Key",
                    "KMS-Keys", 1.0 / PER_MONTH, false, false, false);
            default -> null;
        };
    }

    private static CostProfile azure(AzureKind kind) {
        return switch (kind) {
            case VIRTUAL_MACHINE -> hours("Virtual Machines", "Compute", "Virtual Machines", "Virtual machine",
                    "Compute Hours", 0.096, true, true, true);
            case DISK -> storage("Storage", "Block Storage", "Disk", "Managed Disk", 0.08, false);
            case SNAPSHOT -> storage("Storage", "Backup Storage", "Snapshot", "Snapshot", 0.05, false);
            case PUBLIC_IP -> hours("Virtual Network", "Networking", "Network Infrastructure", "Public IP address",
                    "Standard IPv4 Static Public IP", 0.005, false, false, false);
            case LOAD_BALANCER -> hours("Load Balancer", "Networking", "Application Networking", "Load balancer",
                    "Standard Included LB Rules and Outbound Rules", 0.025, false, false, true);
            case SQL_DATABASE -> hours("SQL Database", "Databases", "Relational Databases", "SQL database",
                    "DTUs", 0.0404, false, false, false);
            case STORAGE_ACCOUNT -> storage("Storage", "Object Storage", "Storage account", "Hot LRS Data Stored",
                    0.0184, true);
            case KEY_VAULT -> hours("Key Vault", "Security", "Secret Management", "Key vault", "Standard Operations",
                    0.7 / PER_MONTH, false, false, false);
            case FUNCTION_APP -> requests("Functions", "Function app", 0.2);
            case MANAGED_CLUSTER -> hours("Azure Kubernetes Service", "Compute", "Containers", "Kubernetes service",
                    "Standard Uptime SLA", 0.10, false, false, false);
            default -> null;
        };
    }

    private static CostProfile gcp(GcpKind kind) {
        String gce = "Compute Engine";
        return switch (kind) {
            case INSTANCE -> hours(gce, "Compute", "Virtual Machines", "Instance", "Instance Core and Ram", 0.0971,
                    true, true, true);
            case DISK -> storage(gce, "Block Storage", "Disk", "Balanced PD Capacity", 0.10, false);
            case SNAPSHOT -> storage(gce, "Backup Storage", "Snapshot", "Snapshot Storage", 0.05, false);
            case ADDRESS -> hours(gce, "Networking", "Network Infrastructure", "Address", "External IP Charge",
                    0.005, false, false, false);
            case FORWARDING_RULE -> hours("Networking", "Networking", "Application Networking", "Forwarding rule",
                    "Network Load Balancing: Forwarding Rule Minimum", 0.025, false, false, true);
            case SQL_INSTANCE -> hours("Cloud SQL", "Databases", "Relational Databases", "Database instance",
                    "Cloud SQL for PostgreSQL: Zonal", 0.1314, false, false, false);
            case BUCKET -> storage("Cloud Storage", "Object Storage", "Bucket", "Standard Storage", 0.020, true);
            case CRYPTO_KEY -> hours("Cloud Key Management Service (KMS)", "Security", "Secret Management",
                    "Crypto key", "Active software symmetric key versions", 0.06 / PER_MONTH, false, false, false);
            case CLOUD_FUNCTION -> requests("Cloud Run functions", "Function", 0.4);
            case CLUSTER -> hours("Kubernetes Engine", "Compute", "Containers", "Cluster", "Regional Kubernetes Clusters",
                    0.10, false, false, false);
            default -> null;
        };
    }
}
