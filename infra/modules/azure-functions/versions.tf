terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.x: storage containers are created by storage_account_id.
      version = ">= 4.9"
    }
  }
}
