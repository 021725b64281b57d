package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.Capability;
import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.connector.spi.ConnectorException;
import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportProvider;
import io.cloudwarden.connector.spi.CostExportRequest;
import io.cloudwarden.connector.spi.InventoryProvider;
import io.cloudwarden.connector.spi.InventoryRequest;
import io.cloudwarden.connector.spi.ResourceSink;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A simulator connector bound to one synthetic account; it only computes, so it holds nothing to close. */
final class SimulatorConnector implements Connector, InventoryProvider, CostExportProvider {

    private final SimulatorSettings settings;
    private final SimulatedCostExports costs;

    SimulatorConnector(SimulatorSettings settings) {
        this.settings = settings;
        this.costs = new SimulatedCostExports(settings);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.INVENTORY, Capability.COSTS);
    }

    @Override
    public CostExportProvider costs() {
        return this;
    }

    @Override
    public List<CostExportFile> listExports(CostExportRequest request) {
        if (credentialsRejected()) {
            throw new ConnectorException(ConnectorException.Kind.AUTHENTICATION,
                    "the simulated account rejected the access secret");
        }
        return costs.listExports(request);
    }

    @Override
    public ConnectionCheck testConnection() {
        if (credentialsRejected()) {
            return ConnectionCheck.failure(ConnectorException.Kind.AUTHENTICATION,
                    "The simulated " + settings.cloud().wireName() + " account rejected the access secret.");
        }
        return ConnectionCheck.success("Connected to simulated " + settings.cloud().wireName() + " account "
                + settings.accountId() + ".", Map.of(
                "provider", settings.cloud().wireName(),
                "accountId", settings.accountId(),
                "regions", String.join(",", settings.regions())));
    }

    @Override
    public InventoryProvider inventory() {
        return this;
    }

    @Override
    public void collect(InventoryRequest request, ResourceSink sink) {
        if (credentialsRejected()) {
            throw new ConnectorException(ConnectorException.Kind.AUTHENTICATION,
                    "the simulated account rejected the access secret");
        }
        EstateCursor cursor = new EstateCursor(settings, request.syncSequence());
        long failAt = settings.fault() == FaultInjection.TRANSIENT_MIDWAY ? cursor.totalIndices() / 2 : Long.MAX_VALUE;
        EstateCursor.RenderedResource next;
        while ((next = cursor.advance()) != null) {
            if (next.slot().index() >= failAt) {
                throw new ConnectorException(ConnectorException.Kind.TRANSIENT,
                        "simulated transient failure after half of the inventory");
            }
            sink.accept(next.resource());
        }
        if (failAt != Long.MAX_VALUE) {
            // an estate too small to fail midway still fails, so the fault is always observable
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "simulated transient failure");
        }
    }

    private boolean credentialsRejected() {
        return settings.credentialRejected() || settings.fault() == FaultInjection.AUTH;
    }
}
