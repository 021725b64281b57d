package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.BootstrapAdmin;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Ensures the bootstrap tenant and admin exist when the application starts (first start creates them). */
@Component
@Order(0)
class BootstrapOnStart implements ApplicationRunner {

    private final BootstrapAdmin bootstrap;
    private final IdentityProperties props;

    BootstrapOnStart(BootstrapAdmin bootstrap, IdentityProperties props) {
        this.bootstrap = bootstrap;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.bootstrapOnStart()) {
            bootstrap.ensure();
        }
    }
}
