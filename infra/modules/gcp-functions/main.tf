# Two Cloud Functions (2nd gen) from one source zip: NAME-api serves the HTTP trigger to anyone
# (Mercury checks SigV4 itself when MERCURY_ACCESS_KEY is set), and NAME-step takes the step
# messages that the bridge posts, from the bridge's service account only.

locals {
  # A relative package path is read from this module's directory, wherever terraform runs.
  package_path = (can(regex("^(/|[A-Za-z]:[\\\\/])", var.package_path))
    ? var.package_path
  : "${path.module}/${var.package_path}")

  functions = {
    api = {
      entry_point = "dev.mercury.gcp.host.ApiFunction"
      timeout     = var.api_timeout_seconds
    }
    step = {
      entry_point = "dev.mercury.gcp.host.StepFunction"
      timeout     = var.step_timeout_seconds
    }
  }

  # Empty settings are left out, so that a value from Secret Manager is not shadowed by "".
  environment = {
    for key, value in merge(var.environment, {
      MERCURY_NATS          = var.nats_url
      MERCURY_ELASTICSEARCH = var.elasticsearch_url
      MERCURY_PREFIX        = var.prefix
      MERCURY_ACCESS_KEY    = var.access_key
    }) : key => value if value != ""
  }

  step_url = google_cloudfunctions2_function.this["step"].service_config[0].uri

  bucket = var.source_bucket != null ? var.source_bucket : google_storage_bucket.source[0].name

  bridge_email = (var.bridge_service_account_email != null
    ? var.bridge_service_account_email
  : google_service_account.bridge[0].email)
}

resource "google_storage_bucket" "source" {
  count                       = var.source_bucket == null ? 1 : 0
  project                     = var.project_id
  name                        = "${var.project_id}-${var.name}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = true
  labels                      = var.labels
}

# The object's name carries the zip's hash, so a new build deploys new functions.
resource "google_storage_bucket_object" "package" {
  bucket = local.bucket
  name   = "${var.name}-${filemd5(local.package_path)}.zip"
  source = local.package_path
}

# The functions run as an account that may read their secrets and nothing else.
resource "google_service_account" "function" {
  project      = var.project_id
  account_id   = "${var.name}-fn"
  display_name = "Mercury functions"
}

resource "google_secret_manager_secret_iam_member" "function" {
  for_each  = toset([for s in values(var.secrets) : s.secret])
  project   = var.project_id
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.function.email}"
}

resource "google_service_account" "bridge" {
  count        = var.bridge_service_account_email == null ? 1 : 0
  project      = var.project_id
  account_id   = "${var.name}-bridge"
  display_name = "Mercury step bridge"
}

resource "google_cloudfunctions2_function" "this" {
  for_each = local.functions
  project  = var.project_id
  location = var.region
  name     = "${var.name}-${each.key}"
  labels   = var.labels

  build_config {
    runtime         = "java21"
    entry_point     = each.value.entry_point
    service_account = var.build_service_account
    source {
      storage_source {
        bucket = local.bucket
        object = google_storage_bucket_object.package.name
      }
    }
  }

  service_config {
    available_memory                 = var.memory
    available_cpu                    = var.cpu
    timeout_seconds                  = each.value.timeout
    max_instance_request_concurrency = var.concurrency
    min_instance_count               = var.min_instances
    max_instance_count               = var.max_instances
    service_account_email            = google_service_account.function.email
    environment_variables            = local.environment
    ingress_settings                 = "ALLOW_ALL"
    all_traffic_on_latest_revision   = true
    vpc_connector                    = var.vpc_connector
    vpc_connector_egress_settings    = var.vpc_connector == null ? null : var.vpc_connector_egress_settings

    dynamic "secret_environment_variables" {
      for_each = var.secrets
      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = secret_environment_variables.value.secret
        version    = secret_environment_variables.value.version
      }
    }
  }

  # A function whose account cannot read its secrets fails to deploy.
  depends_on = [google_secret_manager_secret_iam_member.function]
}

resource "google_cloud_run_v2_service_iam_member" "api_public" {
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.this["api"].service_config[0].service
  role     = "roles/run.invoker"
  member   = "allUsers"
}

resource "google_cloud_run_v2_service_iam_member" "step_bridge" {
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.this["step"].service_config[0].service
  role     = "roles/run.invoker"
  member   = "serviceAccount:${local.bridge_email}"
}
