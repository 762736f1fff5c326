variable "subscription_id" {
  description = "The Azure subscription; null reads ARM_SUBSCRIPTION_ID."
  type        = string
  default     = null
}

variable "location" {
  description = "The Azure region."
  type        = string
  default     = "westeurope"
}

variable "resource_group_name" {
  description = "The resource group this creates for Mercury."
  type        = string
  default     = "mercury"
}

variable "app_name" {
  description = "The function app's name, unique across Azure: its URL is https://APP_NAME.azurewebsites.net."
  type        = string
}

variable "package_path" {
  description = "The zip, when not the one the build leaves in adapters-azure/target (a relative path is read from this directory)."
  type        = string
  default     = null
}

variable "sku_name" {
  description = "The App Service plan: Y1 (Consumption), EP1 (Elastic Premium), ..."
  type        = string
  default     = "Y1"
}

variable "nats_url" {
  description = "MERCURY_NATS, unless Key Vault holds it."
  type        = string
  default     = ""
}

variable "elasticsearch_url" {
  description = "MERCURY_ELASTICSEARCH, unless Key Vault holds it."
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

variable "key_vault_name" {
  description = "An existing Key Vault with the secrets; null when there are none."
  type        = string
  default     = null
}

variable "key_vault_resource_group" {
  description = "The vault's resource group."
  type        = string
  default     = null
}

variable "key_vault_rbac" {
  description = "true when the vault uses Azure RBAC, false for access policies."
  type        = bool
  default     = true
}

variable "key_vault_secrets" {
  description = "App settings from Key Vault: { MERCURY_SECRET_KEY = \"mercury-secret-key\" }."
  type        = map(string)
  default     = {}
}
