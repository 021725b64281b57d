/**
 * The command line: {@code demo}, {@code serve}, {@code bench}, {@code verify-log} and {@code version}, each
 * starting the application as it needs ({@code verify-log} and {@code bench audit-verify} start none).
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.cli;
