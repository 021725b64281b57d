package io.cloudwarden.shared;

/**
 * One problem with one input field, reported in the {@code errors} member of a problem response.
 *
 * @param field   the field's path, e.g. {@code config.accountId} or the query parameter name
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
