/**
 * Accounts owns the registered cloud accounts, their envelope-encrypted connector credentials, the
 * connector registry and the sync jobs that pull each account's data through its connector.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.accounts;
