variable "region" {
  description = "The AWS region to deploy into."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "The function's name."
  type        = string
  default     = "mercury"
}

variable "package_path" {
  description = "The shaded jar, when not the one the build leaves in adapters-aws/target (a relative path is read from this directory)."
  type        = string
  default     = null
}

variable "memory_size" {
  description = "Memory in MB."
  type        = number
  default     = 1024
}

variable "timeout" {
  description = "Seconds one invocation may take."
  type        = number
  default     = 300
}

variable "snap_start" {
  description = "SnapStart on published versions."
  type        = bool
  default     = true
}

variable "nats_url" {
  description = "MERCURY_NATS, unless the secret holds it."
  type        = string
  default     = ""
}

variable "elasticsearch_url" {
  description = "MERCURY_ELASTICSEARCH, unless the secret holds it."
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

variable "secrets_arn" {
  description = "The full ARN of the Secrets Manager secret with MERCURY_* settings, or null."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets, when NATS or Elasticsearch is reachable only inside a VPC."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups, with subnet_ids."
  type        = list(string)
  default     = []
}

variable "http_api" {
  description = "Also serve the HTTP trigger through an API Gateway HTTP API."
  type        = bool
  default     = false
}
