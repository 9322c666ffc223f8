package dev.polygate.cli;

import dev.polygate.experiment.Environment;
import picocli.CommandLine.IVersionProvider;

/**
 * polygate --version: the jar manifest's Implementation-Version (set by the shade plugin from the
 * pom), or, when running from classes without a jar, the version Maven filtered into
 * polygate.properties (the one every report records).
 */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String fromJar = Main.class.getPackage().getImplementationVersion();
        return new String[] {"polygate " + (fromJar != null ? fromJar : Environment.currentPolygateVersion())};
    }
}
