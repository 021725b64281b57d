package io.cloudwarden.connector.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One inventory resource that carries cost: its price, daily quantity model and the pre-encoded FOCUS columns of
 * its usage and egress rows. Built from the resource as the inventory reports it at sync 1, so ResourceId, name,
 * region and tags are exactly the inventory's.
 */
final class CostResource {

    private static final Pattern SIZE_GB = Pattern.compile(
            "\"(?:Size|VolumeSize|diskSizeGB|diskSizeGb|sizeGb)\":\"?(\\d+)");
    private static final String[] SIZES = new java.util.TreeSet<>(CostProfile.HOURLY.keySet()).toArray(new String[0]);
    static final long EGRESS_LIST = CostProfile.nanos(0.09);

    final long index;
    final String nativeId;
    final String region;
    final CostProfile profile;
    /** The instance, VM, machine or database size, when priced per size. */
    final String size;
    final long listUnit;
    final long contractedUnit;
    final long egressContractedUnit;
    /** Gigabytes for storage, requests per day for serverless; unused for hourly charges. */
    final long baseQuantity;
    final long egressGb;
    final long createdDay;
    final boolean dev;
    final long hash;
    final boolean tagged;
    final byte[][] usage;
    final byte[][] egress;

    CostResource(EstateCursor.RenderedResource rendered, CostProfile profile, CostAccount account) {
        Slot slot = rendered.slot();
        ResourceDraft draft = rendered.draft();
        this.index = slot.index();
        this.nativeId = slot.nativeId();
        this.region = slot.kind().global() ? null : slot.blockRegion();
        this.profile = profile;
        this.hash = slot.h(0x434F5354);
        this.createdDay = LocalDate.ofInstant(slot.createdAt(), ZoneOffset.UTC).toEpochDay();
        this.size = profile.compute() || profile.category().equals("Databases") ? sizeOf(draft.json) : null;
        double regionFactor = 1.0 + (region == null ? 0 : Math.floorMod(region.hashCode(), 13) / 100.0);
        long base = size != null ? CostProfile.nanos(CostProfile.HOURLY.get(size)) : profile.listNanos();
        this.listUnit = Math.max(1, Math.round(base * regionFactor));
        this.contractedUnit = listUnit * (10_000 - account.discountBp) / 10_000;
        this.egressContractedUnit = EGRESS_LIST * (10_000 - account.discountBp) / 10_000;
        this.baseQuantity = switch (profile.unit()) {
            case HOURS -> 24;
            case GB_HOURS -> storageGb(draft.json);
            case REQUESTS -> 20_000 + Long.remainderUnsigned(hash >>> 7, 3_000_000);
        };
        this.egressGb = profile.egress() && DeterministicHash.unit(Long.rotateLeft(hash, 3)) < 0.4
                ? 5 + Long.remainderUnsigned(hash >>> 17, 120) : 0;
        Map<String, String> tags = new TreeMap<>(draft.tags);
        this.tagged = !tags.isEmpty();
        this.dev = tags.entrySet().stream().anyMatch(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith("env")
                && e.getValue().toLowerCase(Locale.ROOT).startsWith("dev"));
        this.usage = template(account, draft, tags, profile.serviceName(), profile.category(), profile.subcategory(),
                profile.meter(), profile.unit().focusUnit, size);
        this.egress = template(account, draft, tags, profile.serviceName(), "Networking", "Network Connectivity",
                "DataTransfer-Out-Internet", "GB", null);
        egress[FocusLine.CHARGE_DESCRIPTION] = CostAccount.bytes("Data transfer out to the internet");
    }

    private byte[][] template(CostAccount account, ResourceDraft draft, Map<String, String> tags, String service,
                              String category, String subcategory, String meter, String unit, String size) {
        byte[][] t = account.template();
        t[FocusLine.RESOURCE_ID] = FocusCsvWriter.field(nativeId);
        t[FocusLine.RESOURCE_NAME] = FocusCsvWriter.field(draft.name == null ? nativeId : draft.name);
        t[FocusLine.RESOURCE_TYPE] = FocusCsvWriter.field(profile.resourceType());
        if (region != null) {
            t[FocusLine.REGION_ID] = FocusCsvWriter.field(region);
            t[FocusLine.REGION_NAME] = FocusCsvWriter.field(region);
        }
        t[FocusLine.SERVICE_NAME] = FocusCsvWriter.field(service);
        t[FocusLine.SERVICE_CATEGORY] = FocusCsvWriter.field(category);
        t[FocusLine.SERVICE_SUBCATEGORY] = FocusCsvWriter.field(subcategory);
        String skuId = Long.toHexString(DeterministicHash.mix((service + meter + size).hashCode())).toUpperCase(Locale.ROOT);
        t[FocusLine.SKU_ID] = FocusCsvWriter.field(skuId);
        t[FocusLine.SKU_METER] = FocusCsvWriter.field(meter);
        t[FocusLine.SKU_PRICE_ID] = FocusCsvWriter.field(skuId + "." + (region == null ? "global" : region) + ".OnDemand");
        t[FocusLine.SKU_PRICE_DETAILS] = FocusCsvWriter.field(size == null ? "{\"x_Meter\":" + json(meter) + "}"
                : "{\"x_Meter\":" + json(meter) + ",\"x_Size\":" + json(size) + "}");
        t[FocusLine.PRICING_UNIT] = FocusCsvWriter.field(unit);
        t[FocusLine.CONSUMED_UNIT] = t[FocusLine.PRICING_UNIT];
        t[FocusLine.CHARGE_CATEGORY] = CostAccount.bytes("Usage");
        t[FocusLine.CHARGE_FREQUENCY] = CostAccount.bytes("Usage-Based");
        t[FocusLine.PRICING_CATEGORY] = CostAccount.bytes("Standard");
        t[FocusLine.CHARGE_DESCRIPTION] = FocusCsvWriter.field(meter + (size == null ? "" : " " + size));
        if (!tags.isEmpty()) {
            StringBuilder j = new StringBuilder("{");
            tags.forEach((k, v) -> j.append(j.length() > 1 ? "," : "").append(json(k)).append(':').append(json(v)));
            t[FocusLine.TAGS] = FocusCsvWriter.field(j.append('}').toString());
        }
        return t;
    }

    static String json(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String sizeOf(String json) {
        for (String size : SIZES) {
            if (json.contains("\"" + size + "\"") || json.contains("/machineTypes/" + size + "\"")) {
                return size;
            }
        }
        return null;
    }

    private long storageGb(String json) {
        Matcher m = SIZE_GB.matcher(json);
        if (m.find()) {
            return Math.max(1, Long.parseLong(m.group(1)));
        }
        return 50 + Long.remainderUnsigned(hash >>> 11, 4000);
    }

    /** The quantity of a typical day, in pricing units. */
    long typicalDailyQuantity() {
        return profile.unit() == CostProfile.Unit.GB_HOURS ? baseQuantity * 24 : baseQuantity;
    }

    /** Whether the resource bills on {@code epochDay}: it existed the whole day. */
    boolean alive(long epochDay) {
        return createdDay < epochDay;
    }
}
