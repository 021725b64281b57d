package io.cloudwarden.cost.explorer;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.CostSettingsChanged;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved filters of the tenant in context (ADR 38): validated with the explorer's own parsing, every change audited
 * ({@code cost.saved_filter.created|updated|deleted}) in its transaction, and a filter that budgets use cannot be
 * deleted ({@code SAVED_FILTER_IN_USE}).
 */
@Service
public class SavedFilters {

    static final int MAX_FILTERS = 50;
    static final int MAX_FILTER_LENGTH = 500;

    private final SavedFilterStore store;
    private final List<SavedFilterReferences> references;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SavedFilters(SavedFilterStore store, List<SavedFilterReferences> references, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.store = store;
        this.references = references;
        this.events = events;
        this.tx = tx;
    }

    public CursorPage<SavedFilter> list(String q, String cursor, int limit) {
        return store.list(TenantContext.require(), q == null || q.isBlank() ? null : q.strip(), cursor, limit);
    }

    /** @throws CloudwardenException {@code SAVED_FILTER_NOT_FOUND} when the tenant has no saved filter with that id */
    public SavedFilter get(UUID id) {
        return store.find(TenantContext.require(), id).orElseThrow(() -> notFound(id));
    }

    /** Whether the tenant in context has this saved filter. */
    public boolean exists(UUID id) {
        return store.find(TenantContext.require(), id).isPresent();
    }

    public SavedFilter create(SavedFilter command) {
        TenantId tenant = TenantContext.require();
        SavedFilter f = normalise(UUID.randomUUID(), command);
        tx.executeWithoutResult(s -> {
            store.insert(tenant, f);
            audit(tenant, "created", f);
        });
        return get(f.id());
    }

    public SavedFilter update(UUID id, SavedFilter command) {
        TenantId tenant = TenantContext.require();
        SavedFilter f = normalise(id, command);
        tx.executeWithoutResult(s -> {
            if (!store.update(tenant, f)) {
                throw notFound(id);
            }
            audit(tenant, "updated", f);
        });
        return get(id);
    }

    /** @throws CloudwardenException {@code SAVED_FILTER_IN_USE} (409) naming the budgets that use it */
    public void delete(UUID id) {
        TenantId tenant = TenantContext.require();
        try {
            tx.executeWithoutResult(s -> {
                SavedFilter f = get(id);
                List<FieldProblem> users = new ArrayList<>();
                for (SavedFilterReferences r : references) {
                    r.referencing(tenant, id).forEach(name -> users.add(new FieldProblem(r.kind(), name)));
                }
                if (!users.isEmpty()) {
                    throw inUse(f.name(), users);
                }
                store.delete(tenant, id);
                audit(tenant, "deleted", f);
            });
        } catch (DataIntegrityViolationException e) {
            // a budget started using it between the check and the delete
            throw inUse(id.toString(), List.of());
        }
    }

    private static CloudwardenException inUse(String name, List<FieldProblem> users) {
        String list = users.stream().map(u -> u.field() + " " + u.message()).collect(Collectors.joining(", "));
        return new CloudwardenException(CostErrorCode.SAVED_FILTER_IN_USE, "the saved filter " + name + " is in use"
                + (list.isEmpty() ? "" : " by " + list) + "; change or delete those first", users);
    }

    private static SavedFilter normalise(UUID id, SavedFilter c) {
        if (c == null) {
            throw new CloudwardenException(CostErrorCode.SAVED_FILTER_INVALID, "a saved filter is required");
        }
        List<FieldProblem> p = new ArrayList<>();
        String name = c.name() == null ? "" : c.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            p.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        if (c.description() != null && c.description().length() > 1000) {
            p.add(new FieldProblem("description", "must be at most 1000 characters"));
        }
        List<String> filters = c.filters() == null ? List.of() : c.filters();
        if (filters.size() > MAX_FILTERS) {
            p.add(new FieldProblem("filters", "at most " + MAX_FILTERS + " filters"));
        }
        for (int i = 0; i < filters.size() && i < MAX_FILTERS; i++) {
            String f = filters.get(i);
            if (f == null || f.length() > MAX_FILTER_LENGTH) {
                p.add(new FieldProblem("filters[" + i + "]", "must be dimension=value or dimension!=value, at most "
                        + MAX_FILTER_LENGTH + " characters"));
                continue;
            }
            List<FieldProblem> one = new ArrayList<>();
            ExplorerQuery.filters(List.of(f), one);
            int index = i;
            one.forEach(x -> p.add(new FieldProblem("filters[" + index + "]", x.message())));
        }
        List<String> groupByText = c.groupBy() == null ? List.of() : c.groupBy();
        if (groupByText.stream().anyMatch(java.util.Objects::isNull)) {
            p.add(new FieldProblem("groupBy", "must not contain null"));
            groupByText = groupByText.stream().filter(java.util.Objects::nonNull).toList();
        }
        ExplorerQuery view = null;
        try {
            view = ExplorerQuery.parse(blank(c.metric()), null, groupByText, null, blank(c.granularity()), null, null, null, null, null,
                    LocalDate.now());
        } catch (CloudwardenException e) {
            p.addAll(e.problems());
        }
        if (!p.isEmpty()) {
            throw new CloudwardenException(CostErrorCode.SAVED_FILTER_INVALID, "the saved filter is not valid: "
                    + p.stream().map(x -> x.field() + " " + x.message()).collect(Collectors.joining("; ")), p);
        }
        String description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
        List<String> groupBy = view.groupBy().isEmpty() ? null : view.groupBy().stream().map(ExplorerQuery.Dimension::key).toList();
        return new SavedFilter(id, name, description, List.copyOf(filters), groupBy, blank(c.metric()) == null ? null : view.metric().id(),
                blank(c.granularity()) == null ? null : view.granularity().name().toLowerCase(Locale.ROOT), RequestActor.actor(), null, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void audit(TenantId tenant, String change, SavedFilter f) {
        events.publishEvent(new CostSettingsChanged(tenant, "saved_filter", change, "saved_filter:" + f.id(), f.name(),
                f.filters().size(), RequestActor.actor(), RequestActor.sourceIp(), Instant.now()));
    }

    private static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(CostErrorCode.SAVED_FILTER_NOT_FOUND, "saved filter " + id + " was not found");
    }
}
