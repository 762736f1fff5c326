output "api_url" {
  description = "The HTTP trigger: aws stepfunctions --endpoint-url URL ..."
  value       = local.api_url
}

output "step_url" {
  description = "The step function's URL; calls need its function key."
  value       = local.step_url
}

output "bridge_function" {
  description = "What the step bridge invokes: the step function's URL."
  value       = local.step_url
}

output "step_key_command" {
  description = "Prints the step function's key, which the bridge sends as x-functions-key."
  value       = "az functionapp function keys list --resource-group ${var.resource_group_name} --name ${azurerm_linux_function_app.this.name} --function-name step --query default --output tsv"
}

output "bridge_config" {
  description = "A Mercury config file for the bridge: the step function, with its key read from the MERCURY_STEP_KEY environment variable."
  value = jsonencode({
    connections = {
      mercury-step = {
        platform       = "azure-functions"
        url            = local.step_url
        functionKeyEnv = "MERCURY_STEP_KEY"
      }
    }
  })
}

output "function_app_name" {
  description = "The function app's name."
  value       = azurerm_linux_function_app.this.name
}

output "identity_principal_id" {
  description = "The identity the app reads its package and secrets as."
  value       = azurerm_user_assigned_identity.this.principal_id
}
