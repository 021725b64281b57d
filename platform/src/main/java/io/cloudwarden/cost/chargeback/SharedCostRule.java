package io.cloudwarden.cost.chargeback;

import io.cloudwarden.cost.allocation.AllocationRule.Condition;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A shared-cost pool (ADR 29): cost rows matching {@code conditions} (the first matching pool in list order takes a
 * row) are taken out of direct cost and split over values of {@code dimension} when a chargeback is computed.
 *
 * @param dimension team, project, environment or costCenter (default team)
 * @param method    EVEN, PROPORTIONAL (to each target's direct EffectiveCost) or FIXED (percentages summing to 100)
 * @param targets   the values receiving shares; empty for EVEN/PROPORTIONAL means every value with direct cost
 */
public record SharedCostRule(UUID id, String name, List<Condition> conditions, String dimension, Method method,
                             List<Target> targets) {

    /** How a pool is split. */
    public enum Method { EVEN, PROPORTIONAL, FIXED }

    /** One receiver of a share; {@code percent} only with FIXED. */
    public record Target(String value, BigDecimal percent) {
    }
}
