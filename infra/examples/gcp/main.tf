# The APIs the functions need; left on when this is destroyed, since other things may use them.
resource "google_project_service" "this" {
  for_each = toset([
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ])
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

module "mercury" {
  source = "../../modules/gcp-functions"

  project_id                   = var.project_id
  region                       = var.region
  name                         = var.name
  package_path                 = var.package_path == null ? null : abspath(var.package_path)
  memory                       = var.memory
  api_timeout_seconds          = var.api_timeout_seconds
  step_timeout_seconds         = var.step_timeout_seconds
  nats_url                     = var.nats_url
  elasticsearch_url            = var.elasticsearch_url
  prefix                       = var.prefix
  access_key                   = var.access_key
  secrets                      = var.secrets
  bridge_service_account_email = var.bridge_service_account_email
  vpc_connector                = var.vpc_connector

  depends_on = [google_project_service.this]
}
