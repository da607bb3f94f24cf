/**
 * The org tree (city › district › street › community › building), accounts and roles, and the data scope:
 * every read and write is checked here against the caller's subtree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Org tree, accounts and data scope")
package org.chuangwen.orgs;
