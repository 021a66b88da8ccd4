package io.opencdp.api;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.testing.EsTestCluster;

/**
 * A connection per test class to the seeded store ({@link StoreFixture}) and servers over it.
 * Classes open it in {@code @BeforeAll} and close it in {@code @AfterAll}.
 */
final class StoreTestSupport implements AutoCloseable {
  private final EsConnection es;

  private StoreTestSupport(EsConnection es) {
    this.es = es;
  }

  static StoreTestSupport open(EsTestCluster cluster) {
    StoreFixture.seed(cluster);
    return new StoreTestSupport(EsConnection.open(cluster.url(), 10_000));
  }

  EsConnection connection() {
    return es;
  }

  /** Runs {@code test} against a server of workspace {@code default} over the seeded store. */
  void test(TestCase test) {
    JavalinTest.test(ApiFixture.server(StoreFixture.WORKSPACE, es).app(), test);
  }

  @Override
  public void close() {
    es.close();
  }
}
