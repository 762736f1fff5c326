variable "project_id" {
  description = "The Google Cloud project to deploy into."
  type        = string
}

variable "region" {
  description = "The region of both functions and the source bucket."
  type        = string
}

variable "name" {
  description = "Names the functions (NAME-api, NAME-step), their service account and the source bucket."
  type        = string
  default     = "mercury"
}

variable "package_path" {
  description = "The zip the build produces (a fat jar inside): absolute, or relative to this module's directory."
  type        = string
  default     = "../../../adapters-gcp/target/mercury-gcp-function.zip"
  nullable    = false
}

variable "source_bucket" {
  description = "An existing bucket for the source zip; null creates one named PROJECT-NAME-source."
  type        = string
  default     = null
}

variable "memory" {
  description = "Memory of each function instance, such as 512Mi or 1Gi."
  type        = string
  default     = "1Gi"
}

variable "cpu" {
  description = "CPUs of each function instance; at least 1 to take more than one request at once."
  type        = string
  default     = "1"
}

variable "api_timeout_seconds" {
  description = "Seconds one HTTP trigger request may take."
  type        = number
  default     = 60
}

variable "step_timeout_seconds" {
  description = "Seconds one step may take."
  type        = number
  default     = 300
}

variable "concurrency" {
  description = "Requests one instance takes at once."
  type        = number
  default     = 8
}

variable "min_instances" {
  description = "Instances kept warm for each function; 0 scales to zero and pays a JVM start on the first request."
  type        = number
  default     = 0
}

variable "max_instances" {
  description = "The most instances each function may run."
  type        = number
  default     = 20
}

variable "nats_url" {
  description = "MERCURY_NATS: NATS server(s) with JetStream. Leave empty when the URL carries credentials and comes from Secret Manager instead."
  type        = string
  default     = ""
}

variable "elasticsearch_url" {
  description = "MERCURY_ELASTICSEARCH: the Elasticsearch URL. Leave empty when it carries credentials and comes from Secret Manager instead."
  type        = string
  default     = ""
}

variable "prefix" {
  description = "MERCURY_PREFIX: the start of stream, subject and index names."
  type        = string
  default     = "mercury"
}

variable "access_key" {
  description = "MERCURY_ACCESS_KEY: the access key ID that callers of the HTTP trigger sign with (SigV4); its secret key comes from Secret Manager as MERCURY_SECRET_KEY. Empty accepts unsigned requests."
  type        = string
  default     = ""
}

variable "secrets" {
  description = "Environment variables read from Secret Manager, by name: the secret's ID in this project and its version (a number is safest: new instances pick up \"latest\" only as they start)."
  type = map(object({
    secret  = string
    version = optional(string, "latest")
  }))
  default  = {}
  nullable = false
}

variable "environment" {
  description = "More environment variables for both functions, such as MERCURY_LOG_LEVEL."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "bridge_service_account_email" {
  description = "The service account the step bridge runs as, the only one allowed to call the step function; null creates one."
  type        = string
  default     = null
}

variable "vpc_connector" {
  description = "A Serverless VPC Access connector, when NATS or Elasticsearch is reachable only inside a VPC; null for none."
  type        = string
  default     = null
}

variable "vpc_connector_egress_settings" {
  description = "PRIVATE_RANGES_ONLY or ALL_TRAFFIC, with vpc_connector."
  type        = string
  default     = "PRIVATE_RANGES_ONLY"
}

variable "build_service_account" {
  description = "The service account Cloud Build uses to build the functions (projects/P/serviceAccounts/EMAIL); null for the project's default."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels for the functions and the bucket."
  type        = map(string)
  default     = {}
}
