/**
 * The {@code backup} and {@code restore} commands of the embedded layout (H2 file database, blob files,
 * personal-data key) with a {@code sha256sum -c} manifest, run from {@code main} before any web server starts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package org.chuangwen.backup;
