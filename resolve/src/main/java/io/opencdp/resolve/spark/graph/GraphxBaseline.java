package io.opencdp.resolve.spark.graph;

import static java.util.Objects.requireNonNull;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.PartitionStrategy;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The same connected components through Spark GraphX's Pregel {@code connectedComponents()}, which
 * also labels each component with its smallest vertex id. The baseline {@link ConnectedComponents}
 * is benchmarked and tested against; not meant for production (GraphX keeps the whole graph cached
 * as RDDs and cannot cut lineage without Pregel checkpointing).
 */
public final class GraphxBaseline {
  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.Any();

  private GraphxBaseline() {}

  /**
   * {@code (id long, component long)} for every vertex of {@code edges}, same input contract as
   * {@link ConnectedComponents#run}. Lazy: GraphX runs the Pregel supersteps here, the labels are
   * read when the result is consumed.
   */
  public static Dataset<Row> run(Dataset<Row> edges) {
    requireNonNull(edges, "edges is null");
    JavaRDD<Tuple2<Object, Object>> tuples =
        EdgeInput.longEdges(edges)
            .javaRDD()
            .map(row -> new Tuple2<Object, Object>(row.getLong(0), row.getLong(1)));
    Graph<Object, Object> graph =
        Graph.fromEdgeTuples(
            tuples.rdd(),
            (Object) 0L,
            Option.<PartitionStrategy>empty(),
            StorageLevel.MEMORY_AND_DISK(),
            StorageLevel.MEMORY_AND_DISK(),
            ANY);
    Graph<Object, Object> components = graph.ops().connectedComponents();
    RDD<Tuple2<Object, Object>> labels = components.vertices();
    JavaRDD<Row> rows = labels.toJavaRDD().map(label -> RowFactory.create(label._1(), label._2()));
    return edges.sparkSession().createDataFrame(rows, EdgeInput.COMPONENTS_SCHEMA);
  }
}
