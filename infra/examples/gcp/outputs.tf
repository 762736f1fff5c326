output "api_url" {
  description = "aws stepfunctions --endpoint-url URL ..."
  value       = module.mercury.api_url
}

output "bridge_function" {
  description = "mercury bridge --function VALUE"
  value       = module.mercury.bridge_function
}

output "bridge_config" {
  description = "mercury bridge --config FILE, with this as FILE."
  value       = module.mercury.bridge_config
}

output "bridge_service_account_email" {
  description = "The account the bridge must run as."
  value       = module.mercury.bridge_service_account_email
}
