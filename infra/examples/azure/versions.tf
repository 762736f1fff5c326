terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.9, < 5.0"
    }
  }
}

provider "azurerm" {
  features {}
  # Null reads ARM_SUBSCRIPTION_ID from the environment.
  subscription_id = var.subscription_id
}
