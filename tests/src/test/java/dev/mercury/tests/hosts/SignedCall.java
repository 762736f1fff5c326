package dev.mercury.tests.hosts;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One Step Functions API call signed with SigV4 by the AWS SDK's own signer, as the SDK and CLI
 * send it: the headers a host's HTTP event carries.
 */
record SignedCall(String target, String body, Map<String, String> headers) {
  static SignedCall of(String host, String action, String body) {
    String target = "AWSStepFunctions." + action;
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("https://" + host + "/"))
            .putHeader("Content-Type", "application/x-amz-json-1.0")
            .putHeader("X-Amz-Target", target)
            .build();
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            AwsCredentialsIdentity.create(
                                HostFixture.ACCESS_KEY, HostFixture.SECRET_KEY))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "states")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    Map<String, String> headers = new TreeMap<>();
    signed.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    headers.put("Host", host);
    return new SignedCall(target, body, headers);
  }
}
