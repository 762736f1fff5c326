# One Linux function app runs the zip the build produces, with two functions: "api" (anonymous,
# route {*path}) serves the HTTP trigger and "step" (authLevel function) takes the step messages
# that the bridge posts with a function key.
#
# The app runs the zip straight from a private blob (WEBSITE_RUN_FROM_PACKAGE), the way that
# works on every plan, Linux Consumption included. It reads that blob and its Key Vault secrets
# as a user-assigned identity: unlike a system-assigned one, it exists and holds its grants
# before the app first starts, so neither the package nor a Key Vault reference fails on the
# first start.

locals {
  # A relative package path is read from this module's directory, wherever terraform runs.
  package_path = (can(regex("^(/|[A-Za-z]:[\\\\/])", var.package_path))
    ? var.package_path
  : "${path.module}/${var.package_path}")

  storage_account_name = (var.storage_account_name != null
    ? var.storage_account_name
  : substr("${replace(lower(var.name), "/[^a-z0-9]/", "")}funcstore", 0, 24))

  vault_uri = var.key_vault_uri == null ? "" : trimsuffix(var.key_vault_uri, "/")

  # Empty settings are left out, so that a value from Key Vault is not shadowed by "".
  environment = {
    for key, value in merge(var.environment, {
      MERCURY_NATS          = var.nats_url
      MERCURY_ELASTICSEARCH = var.elasticsearch_url
      MERCURY_PREFIX        = var.prefix
      MERCURY_ACCESS_KEY    = var.access_key
    }) : key => value if value != ""
  }

  secret_references = {
    for setting, secret in var.key_vault_secrets :
    setting => "@Microsoft.KeyVault(SecretUri=${local.vault_uri}/secrets/${secret}/)"
  }

  api_url  = join("/", compact(["https://${azurerm_linux_function_app.this.default_hostname}", var.route_prefix]))
  step_url = "${local.api_url}/step"
}

resource "azurerm_storage_account" "this" {
  name                            = local.storage_account_name
  resource_group_name             = var.resource_group_name
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}

resource "azurerm_storage_container" "packages" {
  name                  = "mercury-packages"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# The blob's name carries the zip's hash, so a new build changes the app setting and restarts
# the app on the new code.
resource "azurerm_storage_blob" "package" {
  name                   = "${var.name}-${filemd5(local.package_path)}.zip"
  storage_account_name   = azurerm_storage_account.this.name
  storage_container_name = azurerm_storage_container.packages.name
  type                   = "Block"
  source                 = local.package_path
  content_md5            = filemd5(local.package_path)

  # The running app reads the old blob until its setting moves to the new one.
  lifecycle {
    create_before_destroy = true
  }
}

resource "azurerm_user_assigned_identity" "this" {
  name                = "${var.name}-identity"
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags
}

resource "azurerm_role_assignment" "package_reader" {
  scope                = "${azurerm_storage_account.this.id}/blobServices/default/containers/${azurerm_storage_container.packages.name}"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
}

# Least privilege: read the named secrets and nothing else in the vault.
resource "azurerm_role_assignment" "secret_reader" {
  for_each             = var.key_vault_rbac ? toset(values(var.key_vault_secrets)) : toset([])
  scope                = "${var.key_vault_id}/secrets/${each.value}"
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
}

# A vault with access policies cannot grant per secret: Get on secrets is the least it allows.
resource "azurerm_key_vault_access_policy" "secret_reader" {
  count              = !var.key_vault_rbac && length(var.key_vault_secrets) > 0 ? 1 : 0
  key_vault_id       = var.key_vault_id
  tenant_id          = azurerm_user_assigned_identity.this.tenant_id
  object_id          = azurerm_user_assigned_identity.this.principal_id
  secret_permissions = ["Get"]
}

resource "azurerm_service_plan" "this" {
  name                = "${var.name}-plan"
  resource_group_name = var.resource_group_name
  location            = var.location
  os_type             = "Linux"
  sku_name            = var.sku_name
  tags                = var.tags
}

resource "azurerm_linux_function_app" "this" {
  name                        = var.name
  resource_group_name         = var.resource_group_name
  location                    = var.location
  service_plan_id             = azurerm_service_plan.this.id
  storage_account_name        = azurerm_storage_account.this.name
  storage_account_access_key  = azurerm_storage_account.this.primary_access_key
  functions_extension_version = "~4"
  https_only                  = true

  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }
  key_vault_reference_identity_id = azurerm_user_assigned_identity.this.id

  site_config {
    ftps_state                             = "Disabled"
    application_insights_connection_string = var.application_insights_connection_string

    application_stack {
      java_version = "21"
    }
  }

  app_settings = merge(local.environment, local.secret_references, {
    WEBSITE_RUN_FROM_PACKAGE                     = azurerm_storage_blob.package.url
    WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID = azurerm_user_assigned_identity.this.id
    # Overrides host.json, so that the URLs in the outputs hold whatever the zip says.
    AzureFunctionsJobHost__extensions__http__routePrefix = var.route_prefix
  })

  tags = var.tags

  lifecycle {
    precondition {
      condition     = length(var.key_vault_secrets) == 0 || (var.key_vault_id != null && var.key_vault_uri != null)
      error_message = "key_vault_secrets needs key_vault_id and key_vault_uri."
    }
  }

  depends_on = [
    azurerm_role_assignment.package_reader,
    azurerm_role_assignment.secret_reader,
    azurerm_key_vault_access_policy.secret_reader,
  ]
}
