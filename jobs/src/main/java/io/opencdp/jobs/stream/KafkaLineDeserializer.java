package io.opencdp.jobs.stream;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A Kafka record as a {@link KafkaLine}; a record without a value (a tombstone) is skipped. */
final class KafkaLineDeserializer implements KafkaRecordDeserializationSchema<KafkaLine> {
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaLine> out) {
    if (record.value() != null && record.value().length > 0) {
      out.collect(
          new KafkaLine(record.topic(), record.partition(), record.offset(), record.value()));
    }
  }

  @Override
  public TypeInformation<KafkaLine> getProducedType() {
    return TypeInformation.of(KafkaLine.class);
  }
}
