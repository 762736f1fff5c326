package dev.mercury.store.elasticsearch;

/**
 * Elasticsearch could not be reached or refused a request for a reason other than a version
 * conflict. {@link #isTransient()} tells a caller whether trying again later may help (the node is
 * down, overloaded or restarting) or not (a mapping or request Mercury got wrong).
 */
public final class ElasticsearchStoreException extends RuntimeException {
  private final boolean isTransient;

  ElasticsearchStoreException(String message, Throwable cause, boolean isTransient) {
    super(message, cause);
    this.isTransient = isTransient;
  }

  public boolean isTransient() {
    return isTransient;
  }
}
