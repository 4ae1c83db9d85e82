package nnlab.kernel;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;

/**
 * Resolves Maven coordinates with their runtime dependencies, through the user's local repository
 * ({@code maven.repo.local}, default {@code ~/.m2/repository}), the repositories given to
 * {@code %maven --repo URL}, and Maven Central last.
 */
final class MavenResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private MavenResolver() {}

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Paths.get(configured) : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The jar files of {@code coordinates} (group:artifact:version) and everything they need at run time. */
    static List<Path> resolve(List<String> coordinates, List<String> repositoryUrls) throws DependencyResolutionException {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            DefaultArtifact artifact;
            try {
                artifact = new DefaultArtifact(coordinate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + coordinate + "' is not a Maven coordinate; write group:artifact:version,"
                        + " for example %maven org.apache.commons:commons-math3:3.6.1");
            }
            collect.addDependency(new Dependency(artifact, "runtime"));
        }
        List<RemoteRepository> repositories = new ArrayList<>();
        for (int i = 0; i < repositoryUrls.size(); i++) {
            repositories.add(new RemoteRepository.Builder("repo" + (i + 1), "default", repositoryUrls.get(i)).build());
        }
        repositories.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
        collect.setRepositories(repositories);

        RepositorySystem system = new RepositorySystemSupplier().get();
        try (CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository())
                .setSystemProperties(System.getProperties())
                .build()) {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults()) {
                jars.add(result.getArtifact().getPath());
            }
            return jars;
        } finally {
            system.shutdown();
        }
    }
}
