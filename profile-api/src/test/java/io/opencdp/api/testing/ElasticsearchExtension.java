package io.opencdp.api.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one real Elasticsearch node per test JVM.
 *
 * <p>The node starts lazily, the first time a test asks for it, on a free port on 127.0.0.1 with a
 * 512 MiB heap and a fresh temporary data directory; the unpacked distribution is shared under
 * {@code /var/tmp/opencdp/es} so it is unpacked once per machine, not per run. The node stops (and
 * its temporary home is deleted) when the test plan ends, or at JVM exit. When the environment
 * variable {@code CDP_ES_URL} is set, tests use that cluster instead and nothing is started.
 *
 * <p>Usage (from another module, depend on the {@code cdp-profile-api} test-jar):
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class ProfileIndexTest {
 *   @Test
 *   void indexesAProfile(EsTestCluster es) {
 *     HttpRequest health = HttpRequest.newBuilder(es.uri("/_cluster/health")).build();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * {@link EsTestCluster} can be injected into test methods, constructors and lifecycle methods
 * ({@code @BeforeAll static void setUp(EsTestCluster es)}). Code outside JUnit's reach can call
 * {@link #cluster()}. The node is shared: tests should use their own index names (or delete what
 * they create) rather than expect an empty cluster.
 */
public final class ElasticsearchExtension implements ParameterResolver, BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ElasticsearchExtension.class);

  /** The test cluster, starting the shared node if needed; stopped at JVM exit. */
  public static EsTestCluster cluster() {
    return SharedTestNode.cluster();
  }

  /** Where test nodes share the unpacked Elasticsearch distribution. */
  public static Path sharedDistributionRoot() {
    return SharedTestNode.distributionRoot();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // stop the node when the whole test plan ends, not only at JVM exit
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(StopAtEnd.class, key -> new StopAtEnd(), StopAtEnd.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EsTestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster();
  }

  private static final class StopAtEnd implements AutoCloseable {
    @Override
    public void close() {
      SharedTestNode.stopShared();
    }
  }
}
