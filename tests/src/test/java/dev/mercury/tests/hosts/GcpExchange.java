package dev.mercury.tests.hosts;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A POST to a Cloud Function and its response, in process, for measuring the function itself
 * without the Functions Framework's HTTP server around it.
 */
final class GcpExchange {
  private GcpExchange() {}

  static Request post(String body) {
    return new Request(body.getBytes(StandardCharsets.UTF_8));
  }

  record Request(byte[] body) implements HttpRequest {
    @Override
    public String getMethod() {
      return "POST";
    }

    @Override
    public String getUri() {
      return "http://127.0.0.1/";
    }

    @Override
    public String getPath() {
      return "/";
    }

    @Override
    public Optional<String> getQuery() {
      return Optional.empty();
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
      return Map.of();
    }

    @Override
    public Map<String, HttpPart> getParts() {
      return Map.of();
    }

    @Override
    public Optional<String> getContentType() {
      return Optional.of("application/json");
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
      return Optional.of("UTF-8");
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return Map.of("Content-Type", List.of("application/json"));
    }
  }

  static final class Response implements HttpResponse {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, List<String>> headers = new HashMap<>();
    private int status = 200;
    private String contentType;

    int status() {
      return status;
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void setStatusCode(int code) {
      status = code;
    }

    @Override
    public void setStatusCode(int code, String message) {
      status = code;
    }

    @Override
    public void setContentType(String type) {
      contentType = type;
    }

    @Override
    public Optional<String> getContentType() {
      return Optional.ofNullable(contentType);
    }

    @Override
    public void appendHeader(String name, String value) {
      headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public OutputStream getOutputStream() {
      return body;
    }

    @Override
    public BufferedWriter getWriter() {
      return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }
  }
}
