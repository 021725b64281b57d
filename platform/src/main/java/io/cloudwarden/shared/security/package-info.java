/** The permission vocabulary and the annotations endpoints declare their access with. */
package io.cloudwarden.shared.security;
