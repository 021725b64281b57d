/**
 * The command line: {@code demo}, {@code serve}, {@code bench} and {@code version}, each starting the
 * application as it needs.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.cli;
