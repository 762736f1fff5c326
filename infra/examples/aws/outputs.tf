output "api_url" {
  description = "aws stepfunctions --endpoint-url URL ..."
  value       = module.mercury.api_url
}

output "function_name" {
  description = "The Lambda function's name."
  value       = module.mercury.function_name
}

output "bridge_function" {
  description = "mercury bridge --function VALUE"
  value       = module.mercury.bridge_function
}

output "bridge_config" {
  description = "mercury bridge --config FILE, with this as FILE."
  value       = module.mercury.bridge_config
}

output "bridge_policy_json" {
  description = "The IAM policy the bridge's role needs."
  value       = module.mercury.bridge_policy_json
}
