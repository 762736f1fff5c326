output "api_url" {
  description = "aws stepfunctions --endpoint-url URL ..."
  value       = module.mercury.api_url
}

output "bridge_function" {
  description = "mercury bridge --function VALUE"
  value       = module.mercury.bridge_function
}

output "bridge_config" {
  description = "mercury bridge --config FILE, with this as FILE (the key goes in MERCURY_STEP_KEY)."
  value       = module.mercury.bridge_config
}

output "step_key_command" {
  description = "Prints the step function's key for MERCURY_STEP_KEY."
  value       = module.mercury.step_key_command
}
