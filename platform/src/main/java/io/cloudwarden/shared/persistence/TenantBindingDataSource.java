package io.cloudwarden.shared.persistence;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections whose {@code cloudwarden.tenant_id} setting follows the thread's
 * {@link TenantContext} (empty when none is bound). Row-level security policies compare every row's
 * {@code tenant_id} with that setting, so a query without a tenant predicate, or run with no tenant bound,
 * returns no other tenant's rows.
 *
 * <p>The setting is applied when the connection is checked out and re-applied before any statement is
 * created if the thread's tenant has changed since, because a transaction may take its connection before
 * code inside it binds a tenant. A pooled connection therefore never carries a previous borrower's tenant.
 */
public final class TenantBindingDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final String BIND = "select set_config('cloudwarden.tenant_id', ?, false)";
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall", "unwrap");

    public TenantBindingDataSource(DataSource target) {
        super(target);
    }

    /** Closes the underlying pool (called by Spring on shutdown). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bound(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bound(super.getConnection(username, password));
    }

    private static Connection bound(Connection target) throws SQLException {
        TenantBinding binding = new TenantBinding(target);
        try {
            binding.ensureCurrent();
        } catch (SQLException e) {
            target.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(TenantBindingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, binding);
    }

    /** Keeps one connection's tenant setting equal to the thread's tenant. */
    private static final class TenantBinding implements InvocationHandler {

        private final Connection target;
        private String bound;

        TenantBinding(Connection target) {
            this.target = target;
        }

        void ensureCurrent() throws SQLException {
            String tenant = TenantContext.current().map(TenantId::toString).orElse("");
            if (tenant.equals(bound)) {
                return;
            }
            try (PreparedStatement ps = target.prepareStatement(BIND)) {
                ps.setString(1, tenant);
                ps.execute();
            }
            bound = tenant;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (STATEMENT_FACTORIES.contains(name) && !target.isClosed()) {
                ensureCurrent();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
