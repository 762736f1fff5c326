output "api_url" {
  description = "The HTTP trigger: aws stepfunctions --endpoint-url URL ..."
  value       = google_cloudfunctions2_function.this["api"].service_config[0].uri
}

output "step_url" {
  description = "The step function's URL; only the bridge's service account may call it."
  value       = local.step_url
}

output "bridge_function" {
  description = "What the step bridge invokes: the step function's URL."
  value       = local.step_url
}

output "bridge_service_account_email" {
  description = "The account the step bridge must run as (its ID tokens are the only ones the step function accepts)."
  value       = local.bridge_email
}

output "bridge_config" {
  description = "A Mercury config file for the bridge: the step function, called with ID tokens of the bridge's account (Application Default Credentials)."
  value = jsonencode({
    connections = {
      mercury-step = {
        platform = "gcp-functions"
        url      = local.step_url
      }
    }
  })
}

output "function_service_account_email" {
  description = "The account both functions run as."
  value       = google_service_account.function.email
}

output "source_object" {
  description = "The uploaded source zip, as gs://BUCKET/OBJECT."
  value       = "gs://${local.bucket}/${google_storage_bucket_object.package.name}"
}
