package io.opencdp.schemas.config;

/**
 * How batch jobs get their SparkSession when the launcher starts them locally. Under {@code
 * spark-submit} the master and memory come from the submit command instead.
 *
 * @param master Spark master URL; {@code local[*]} uses every core of this machine
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}; small by default because local
 *     data is small
 */
public record SparkConfig(String master, int shufflePartitions) {

  public SparkConfig {
    ConfigChecks.notBlank("spark.master", master);
    ConfigChecks.range("spark.shuffle_partitions", shufflePartitions, 1, 100_000);
  }
}
