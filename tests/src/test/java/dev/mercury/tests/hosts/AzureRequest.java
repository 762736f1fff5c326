package dev.mercury.tests.hosts;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the Azure Functions Java worker hands it to a function bound with {@code
 * dataType: binary}: one value per header under the name the client sent, query parameters decoded,
 * the body as bytes.
 */
record AzureRequest(URI uri, HttpMethod method, Map<String, String> headers, Optional<byte[]> body)
    implements HttpRequestMessage<Optional<byte[]>> {

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public HttpMethod getHttpMethod() {
    return method;
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    Map<String, String> parameters = new HashMap<>();
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        int equals = pair.indexOf('=');
        parameters.put(
            equals < 0 ? pair : pair.substring(0, equals),
            equals < 0 ? "" : pair.substring(equals + 1));
      }
    }
    return parameters;
  }

  @Override
  public Optional<byte[]> getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new Response.Builder(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new Response.Builder(status);
  }

  /** The worker's response: a status, headers and a body it serialises itself. */
  record Response(HttpStatusType status, Map<String, String> headers, Object body)
      implements HttpResponseMessage {
    @Override
    public HttpStatusType getStatus() {
      return status;
    }

    @Override
    public String getHeader(String name) {
      return headers.get(name);
    }

    @Override
    public Object getBody() {
      return body;
    }

    static final class Builder implements HttpResponseMessage.Builder {
      private HttpStatusType status;
      private final Map<String, String> headers = new HashMap<>();
      private Object body;

      Builder(HttpStatusType status) {
        this.status = status;
      }

      @Override
      public HttpResponseMessage.Builder status(HttpStatusType newStatus) {
        this.status = newStatus;
        return this;
      }

      @Override
      public HttpResponseMessage.Builder header(String name, String value) {
        headers.put(name, value);
        return this;
      }

      @Override
      public HttpResponseMessage.Builder body(Object newBody) {
        this.body = newBody;
        return this;
      }

      @Override
      public HttpResponseMessage build() {
        return new Response(status, Map.copyOf(headers), body);
      }
    }
  }
}
