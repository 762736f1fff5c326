variable "name" {
  description = "The Lambda function's name; also names its role, log group and HTTP API."
  type        = string
  default     = "mercury"
}

variable "package_path" {
  description = "The shaded jar the build produces: absolute, or relative to this module's directory."
  type        = string
  default     = "../../../adapters-aws/target/mercury-lambda.jar"
  nullable    = false
}

variable "memory_size" {
  description = "Memory in MB; Lambda gives CPU in proportion, and the JVM starts faster with more."
  type        = number
  default     = 1024
}

variable "timeout" {
  description = "Seconds one invocation may take: an HTTP request, or one step with the Task calls it waits for."
  type        = number
  default     = 300
}

variable "architecture" {
  description = "x86_64 or arm64 (Graviton, cheaper per second; the jar runs on both)."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "snap_start" {
  description = "Publish a version with SnapStart on each deploy and point the alias at it, so cold starts restore a snapshot instead of starting the JVM."
  type        = bool
  default     = true
}

variable "reserved_concurrency" {
  description = "Concurrent executions kept for this function; -1 leaves it unreserved."
  type        = number
  default     = -1
}

variable "nats_url" {
  description = "MERCURY_NATS: NATS server(s) with JetStream. Leave empty when the URL carries credentials and lives in the secret instead."
  type        = string
  default     = ""
}

variable "elasticsearch_url" {
  description = "MERCURY_ELASTICSEARCH: the Elasticsearch URL. Leave empty when it carries credentials and lives in the secret instead."
  type        = string
  default     = ""
}

variable "prefix" {
  description = "MERCURY_PREFIX: the start of stream, subject and index names."
  type        = string
  default     = "mercury"
}

variable "access_key" {
  description = "MERCURY_ACCESS_KEY: the access key ID that callers of the HTTP trigger sign with (SigV4); its secret key belongs in the secret as MERCURY_SECRET_KEY. Empty accepts unsigned requests."
  type        = string
  default     = ""
}

variable "secrets_arn" {
  description = "Full ARN of a Secrets Manager secret holding a JSON object of MERCURY_* settings (MERCURY_SECRET_KEY, and NATS or Elasticsearch URLs with credentials). Null when there is none."
  type        = string
  default     = null
}

variable "secrets_kms_key_arn" {
  description = "The customer managed KMS key that encrypts the secret, if any; null for the AWS managed key."
  type        = string
  default     = null
}

variable "environment" {
  description = "More environment variables for the function, such as MERCURY_LOG_LEVEL."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "subnet_ids" {
  description = "Subnets to run in, when NATS or Elasticsearch is reachable only inside a VPC; empty runs outside any VPC."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "security_group_ids" {
  description = "Security groups for the function's network interfaces; used with subnet_ids."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "function_url" {
  description = "Serve the HTTP trigger on a Lambda function URL."
  type        = bool
  default     = true
}

variable "http_api" {
  description = "Also serve the HTTP trigger through an API Gateway HTTP API (custom domains, throttling, access logs)."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the function's logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
