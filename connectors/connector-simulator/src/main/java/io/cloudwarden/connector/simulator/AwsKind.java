package io.cloudwarden.connector.simulator;

import static io.cloudwarden.connector.simulator.Mutation.POWER;
import static io.cloudwarden.connector.simulator.Mutation.RESIZE;
import static io.cloudwarden.connector.simulator.Mutation.RULE;
import static io.cloudwarden.connector.simulator.Mutation.SECURITY;
import static io.cloudwarden.connector.simulator.Mutation.TAGS;

/** The simulated AWS resource types, by CloudFormation type name. */
enum AwsKind implements ResourceKind {
    VPC("AWS::EC2::VPC", true, false, TAGS),
    SUBNET("AWS::EC2::Subnet", true, false, TAGS),
    SECURITY_GROUP("AWS::EC2::SecurityGroup", true, false, RULE, SECURITY, TAGS),
    IMAGE("AWS::EC2::Image", true, false, TAGS),
    KMS_KEY("AWS::KMS::Key", true, false, SECURITY, TAGS),
    IAM_ROLE("AWS::IAM::Role", true, true, TAGS),
    IAM_USER("AWS::IAM::User", true, true, TAGS),
    ACCESS_KEY("AWS::IAM::AccessKey", false, true, POWER),
    S3_BUCKET("AWS::S3::Bucket", true, false, SECURITY, TAGS),
    VOLUME("AWS::EC2::Volume", true, false, RESIZE, SECURITY, TAGS),
    ELASTIC_IP("AWS::EC2::EIP", true, false, TAGS),
    NETWORK_INTERFACE("AWS::EC2::NetworkInterface", true, false, TAGS),
    INSTANCE("AWS::EC2::Instance", true, false, RESIZE, POWER, TAGS),
    SNAPSHOT("AWS::EC2::Snapshot", true, false, TAGS),
    DB_INSTANCE("AWS::RDS::DBInstance", true, false, RESIZE, POWER, SECURITY, TAGS),
    LOAD_BALANCER("AWS::ElasticLoadBalancingV2::LoadBalancer", true, false, TAGS),
    LAMBDA_FUNCTION("AWS::Lambda::Function", true, false, RESIZE, TAGS),
    EKS_CLUSTER("AWS::EKS::Cluster", true, false, RESIZE, TAGS);

    private final String type;
    private final boolean taggable;
    private final boolean global;
    private final Mutation[] mutations;

    AwsKind(String type, boolean taggable, boolean global, Mutation... mutations) {
        this.type = type;
        this.taggable = taggable;
        this.global = global;
        this.mutations = mutations;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean taggable() {
        return taggable;
    }

    @Override
    public boolean global() {
        return global;
    }

    @Override
    public Mutation[] mutations() {
        return mutations;
    }
}
