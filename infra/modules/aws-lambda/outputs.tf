output "api_url" {
  description = "The HTTP trigger: aws stepfunctions --endpoint-url URL ... (the function URL, else the HTTP API)."
  value = (var.function_url
    ? one(aws_lambda_function_url.this[*].function_url)
  : one(aws_apigatewayv2_stage.this[*].invoke_url))
}

output "function_url" {
  description = "The Lambda function URL, when function_url is on."
  value       = one(aws_lambda_function_url.this[*].function_url)
}

output "http_api_url" {
  description = "The API Gateway HTTP API's URL, when http_api is on."
  value       = one(aws_apigatewayv2_stage.this[*].invoke_url)
}

output "function_name" {
  description = "The Lambda function's name."
  value       = aws_lambda_function.this.function_name
}

output "bridge_function" {
  description = "What the step bridge invokes: the ARN of the function's alias \"live\"."
  value       = aws_lambda_alias.live.arn
}

output "bridge_policy_json" {
  description = "An IAM policy that lets the step bridge's role invoke the function, and nothing more."
  value       = data.aws_iam_policy_document.bridge.json
}

output "bridge_config" {
  description = "A Mercury config file for the bridge: its connection mercury-step calls the function's alias in this region."
  value = jsonencode({
    connections = {
      mercury-step = {
        platform = "aws-lambda"
        region   = data.aws_region.current.region
        function = aws_lambda_alias.live.arn
      }
    }
  })
}

output "role_arn" {
  description = "The function's execution role."
  value       = aws_iam_role.this.arn
}

output "log_group" {
  description = "Where the function logs."
  value       = aws_cloudwatch_log_group.this.name
}
