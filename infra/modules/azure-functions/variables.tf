variable "resource_group_name" {
  description = "The resource group to deploy into."
  type        = string
}

variable "location" {
  description = "The Azure region, such as westeurope."
  type        = string
}

variable "name" {
  description = "The function app's name, part of its URL (NAME.azurewebsites.net), so unique across Azure; 32 characters at most."
  type        = string
}

variable "storage_account_name" {
  description = "The function app's storage account (3 to 24 lowercase letters and digits, unique across Azure); null derives one from name."
  type        = string
  default     = null
}

variable "package_path" {
  description = "The zip the build produces (host.json, api/, step/ and the jar): absolute, or relative to this module's directory."
  type        = string
  default     = "../../../adapters-azure/target/mercury-azure-functions.zip"
  nullable    = false
}

variable "sku_name" {
  description = "The App Service plan: Y1 (Consumption), EP1-EP3 (Elastic Premium: no cold start, VNet) or a dedicated plan such as B1 or P1v3."
  type        = string
  default     = "Y1"
}

variable "route_prefix" {
  description = "The HTTP route prefix of both functions (host.json's routePrefix, set here so the URLs below are certain)."
  type        = string
  default     = "api"
}

variable "nats_url" {
  description = "MERCURY_NATS: NATS server(s) with JetStream. Leave empty when the URL carries credentials and comes from Key Vault instead."
  type        = string
  default     = ""
}

variable "elasticsearch_url" {
  description = "MERCURY_ELASTICSEARCH: the Elasticsearch URL. Leave empty when it carries credentials and comes from Key Vault instead."
  type        = string
  default     = ""
}

variable "prefix" {
  description = "MERCURY_PREFIX: the start of stream, subject and index names."
  type        = string
  default     = "mercury"
}

variable "access_key" {
  description = "MERCURY_ACCESS_KEY: the access key ID that callers of the HTTP trigger sign with (SigV4); its secret key comes from Key Vault as MERCURY_SECRET_KEY. Empty accepts unsigned requests."
  type        = string
  default     = ""
}

variable "key_vault_id" {
  description = "The resource ID of the Key Vault holding the secrets; null when there are none."
  type        = string
  default     = null
}

variable "key_vault_uri" {
  description = "The vault's URI, such as https://NAME.vault.azure.net/."
  type        = string
  default     = null
}

variable "key_vault_secrets" {
  description = "App settings read from Key Vault: setting name => secret name, such as { MERCURY_SECRET_KEY = \"mercury-secret-key\" }."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "key_vault_rbac" {
  description = "true when the vault uses Azure RBAC (the function gets Key Vault Secrets User on each secret); false for a vault with access policies (Get on secrets)."
  type        = bool
  default     = true
}

variable "environment" {
  description = "More app settings, such as MERCURY_LOG_LEVEL."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "application_insights_connection_string" {
  description = "Sends the functions' logs and metrics to this Application Insights resource; null for none."
  type        = string
  default     = null
  sensitive   = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
