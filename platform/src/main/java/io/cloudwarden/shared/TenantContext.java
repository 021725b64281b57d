package io.cloudwarden.shared;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant the current thread acts for. The web layer binds it from the authenticated token for the
 * duration of a request; background jobs bind it explicitly with {@link #callAs}. The database layer copies
 * it into the {@code cloudwarden.tenant_id} session setting that PostgreSQL row-level security checks, so
 * code that forgets a tenant predicate sees nothing rather than another tenant's rows.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The bound tenant, if any. */
    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The bound tenant; fails if none is bound (a programming error, never a user error). */
    public static TenantId require() {
        TenantId id = CURRENT.get();
        if (id == null) {
            throw new IllegalStateException("no tenant bound to this thread");
        }
        return id;
    }

    /** Runs {@code work} with {@code tenant} bound, restoring the previous binding afterwards. */
    public static <T> T callAs(TenantId tenant, Callable<T> work) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            restore(previous);
        }
    }

    /** Runs {@code work} with {@code tenant} bound. */
    public static void runAs(TenantId tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** Binds {@code tenant} until {@link #clear()}; for filters that wrap a whole request. */
    public static void bind(TenantId tenant) {
        CURRENT.set(tenant);
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(TenantId previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
