package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.ConfigError;
import io.cloudwarden.connector.spi.ConnectorConfig;
import io.cloudwarden.connector.spi.DiscoveredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Public view of the simulated estate for tests and analytics: the ground truth behind what the simulator
 * connector reports. For the same configuration and sync it lists exactly the resources the connector
 * reports, in the same order, each with the labels an analytics engine should find. Streams are lazy and
 * memory-bounded; close nothing.
 */
public final class SimulatedEstate {

    private final SimulatorSettings settings;

    private SimulatedEstate(SimulatorSettings settings) {
        this.settings = settings;
    }

    /**
     * The estate of a simulator configuration given as raw values (the same keys the connector takes).
     *
     * @throws IllegalArgumentException when the configuration is invalid
     */
    public static SimulatedEstate of(Map<String, String> rawConfig) {
        SimulatorConnectorFactory factory = new SimulatorConnectorFactory();
        List<String> problems = new ArrayList<>();
        factory.configProperties().forEach(p -> p.check(rawConfig.get(p.key()))
                .ifPresent(m -> problems.add(p.key() + " " + m)));
        ConnectorConfig config = ConnectorConfig.of(rawConfig, factory.configProperties());
        if (problems.isEmpty()) {
            for (ConfigError e : factory.validate(config)) {
                problems.add(e.field() + " " + e.message());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid simulator configuration: " + String.join("; ", problems));
        }
        return new SimulatedEstate(SimulatorSettings.from(config));
    }

    /**
     * The cost anomalies injected into this account's FOCUS cost files, clipped to the exported days, ordered by
     * start day: the same content as the {@code anomalies.json} files the connector lists.
     */
    public List<CostAnomaly> costAnomalies() {
        return new SimulatedCostExports(settings).anomalies();
    }

    /** The ground truth of every resource reported at {@code syncSequence}, in report order. */
    public Stream<LabelledResource> groundTruth(long syncSequence) {
        return stream(syncSequence, EstateCursor.RenderedResource::truth);
    }

    /** The resources reported at {@code syncSequence} (ignoring injected faults), in report order. */
    public Stream<DiscoveredResource> resources(long syncSequence) {
        return stream(syncSequence, EstateCursor.RenderedResource::resource);
    }

    /** Each resource paired with its ground truth, for checks that need both. */
    public Stream<Labelled> labelledResources(long syncSequence) {
        return stream(syncSequence, r -> new Labelled(r.resource(), r.truth()));
    }

    /**
     * A reported resource with its ground truth.
     *
     * @param resource what the connector reports
     * @param truth    what analytics should find
     */
    public record Labelled(DiscoveredResource resource, LabelledResource truth) {
    }

    private <T> Stream<T> stream(long syncSequence, Function<EstateCursor.RenderedResource, T> mapper) {
        EstateCursor cursor = new EstateCursor(settings, syncSequence);
        Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(java.util.function.Consumer<? super T> action) {
                EstateCursor.RenderedResource next = cursor.advance();
                if (next == null) {
                    return false;
                }
                action.accept(mapper.apply(next));
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }
}
