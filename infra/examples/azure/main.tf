resource "azurerm_resource_group" "this" {
  name     = var.resource_group_name
  location = var.location
}

data "azurerm_key_vault" "secrets" {
  count               = var.key_vault_name == null ? 0 : 1
  name                = var.key_vault_name
  resource_group_name = var.key_vault_resource_group
}

module "mercury" {
  source = "../../modules/azure-functions"

  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  name                = var.app_name
  package_path        = var.package_path == null ? null : abspath(var.package_path)
  sku_name            = var.sku_name
  nats_url            = var.nats_url
  elasticsearch_url   = var.elasticsearch_url
  prefix              = var.prefix
  access_key          = var.access_key
  key_vault_id        = one(data.azurerm_key_vault.secrets[*].id)
  key_vault_uri       = one(data.azurerm_key_vault.secrets[*].vault_uri)
  key_vault_rbac      = var.key_vault_rbac
  key_vault_secrets   = var.key_vault_secrets
}
