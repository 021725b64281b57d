package io.cloudwarden.identity.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link PermissionInterceptor} in front of every handler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class AccessWebConfiguration implements WebMvcConfigurer {

    private final PermissionResolver resolver;

    AccessWebConfiguration(PermissionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor(resolver)).order(Integer.MIN_VALUE);
    }
}
