terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.9 creates storage containers by storage_account_id; 5.0 drops the blob's
      # storage_account_name and storage_container_name, which this module still uses.
      version = ">= 4.9, < 5.0"
    }
  }
}
