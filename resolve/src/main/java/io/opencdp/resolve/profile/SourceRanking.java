package io.opencdp.resolve.profile;

import java.io.Serializable;
import java.util.List;

/**
 * A source priority list: source systems or channels, most trusted first. An event ranks at the
 * first entry naming its source system or its channel; an event no entry names ranks after all.
 */
record SourceRanking(List<String> sources) implements Serializable {
  SourceRanking {
    sources = List.copyOf(sources);
  }

  int rank(String channel, String sourceSystem) {
    for (int i = 0; i < sources.size(); i++) {
      String source = sources.get(i);
      if (source.equals(sourceSystem) || source.equals(channel)) {
        return i;
      }
    }
    return sources.size();
  }
}
