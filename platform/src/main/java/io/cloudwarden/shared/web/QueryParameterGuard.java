package io.cloudwarden.shared.web;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rejects query parameters an API operation does not declare, with a 400 naming them and the accepted
 * ones: a misspelt filter ({@code ?provder=aws}) must not silently return everything.
 */
@Component
class QueryParameterGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> allowed = declared.computeIfAbsent(method, QueryParameterGuard::paramNames);
        if (allowed.contains("*")) {
            return true;
        }
        List<FieldProblem> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
            if (!allowed.contains(name)) {
                unknown.add(new FieldProblem(name, "is not a parameter of this operation; accepted: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed)))));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "unknown query parameter(s): "
                    + String.join(", ", unknown.stream().map(FieldProblem::field).toList()), unknown);
        }
        return true;
    }

    private static Set<String> paramNames(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(p.getParameterType())) {
                names.add("*");
            }
            String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }
}
