variable "project_id" {
  description = "The Google Cloud project to deploy into."
  type        = string
}

variable "region" {
  description = "The region of the functions."
  type        = string
  default     = "europe-west1"
}

variable "name" {
  description = "Names the functions NAME-api and NAME-step."
  type        = string
  default     = "mercury"
}

variable "package_path" {
  description = "The source zip, when not the one the build leaves in adapters-gcp/target (a relative path is read from this directory)."
  type        = string
  default     = null
}

variable "memory" {
  description = "Memory of each instance."
  type        = string
  default     = "1Gi"
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

variable "nats_url" {
  description = "MERCURY_NATS, unless a secret holds it."
  type        = string
  default     = ""
}

variable "elasticsearch_url" {
  description = "MERCURY_ELASTICSEARCH, unless a secret holds it."
  type        = string
  default     = ""
}

variable "prefix" {
  description = "MERCURY_PREFIX."
  type        = string
  default     = "mercury"
}

variable "access_key" {
  description = "MERCURY_ACCESS_KEY: the access key ID callers sign with; empty accepts unsigned requests."
  type        = string
  default     = ""
}

variable "secrets" {
  description = "Environment variables from Secret Manager: { MERCURY_SECRET_KEY = { secret = \"mercury-secret-key\", version = \"1\" } }."
  type = map(object({
    secret  = string
    version = optional(string, "latest")
  }))
  default = {}
}

variable "bridge_service_account_email" {
  description = "The step bridge's existing service account; null creates one."
  type        = string
  default     = null
}

variable "vpc_connector" {
  description = "A Serverless VPC Access connector, when NATS or Elasticsearch is reachable only inside a VPC."
  type        = string
  default     = null
}
