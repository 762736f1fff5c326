terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.29 added invoked_via_function_url to aws_lambda_permission, which a public function URL
      # needs since AWS asks for lambda:InvokeFunction besides lambda:InvokeFunctionUrl.
      version = ">= 6.29"
    }
  }
}
