/**
 * Demo data for the embedded default: a small org tree, the demo accounts and sample materials, created through
 * the same module APIs a user goes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.chuangwen.demo;
