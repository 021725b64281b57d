package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes hash tiles. Full tiles never change, so they are cached; the partial tile at the right
 * edge of each level is always read from the database, since another node may have extended it.
 */
@Component
class TileStore {

    private static final int CACHED_TILES = 4096;

    private final JdbcClient jdbc;
    private final Map<String, byte[]> fullTiles = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    TileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tile, or {@code null} if it has no hashes yet. The tenant must be bound. */
    byte[] read(TenantId tenant, int level, long index) {
        String key = tenant + "/" + level + "/" + index;
        synchronized (fullTiles) {
            byte[] cached = fullTiles.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] tile = jdbc.sql("select hashes from audit_tiles where tenant_id = ? and level = ? and idx = ?")
                .params(tenant.value(), (short) level, index)
                .query(byte[].class).optional().orElse(null);
        if (Tiles.width(tile) == Tiles.WIDTH) {
            synchronized (fullTiles) {
                fullTiles.put(key, tile);
            }
        }
        return tile;
    }

    void write(TenantId tenant, int level, long index, byte[] hashes) {
        jdbc.sql("""
                insert into audit_tiles (tenant_id, level, idx, hashes) values (?, ?, ?, ?)
                on conflict (tenant_id, level, idx) do update set hashes = excluded.hashes""")
                .params(tenant.value(), (short) level, index, hashes)
                .update();
    }
}
