package io.cloudwarden.connector.simulator;

/** One simulated resource type of a provider. */
interface ResourceKind {

    /** The provider's type name, e.g. {@code AWS::EC2::Instance}. */
    String type();

    /** Whether the provider lets this type carry tags or labels. */
    boolean taggable();

    /** Whether the resource lives outside any region ({@code "global"}). */
    boolean global();

    /** The mutations that can happen to this type; never empty. */
    Mutation[] mutations();
}
