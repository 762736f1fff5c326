module "mercury" {
  source = "../../modules/aws-lambda"

  name               = var.name
  package_path       = var.package_path == null ? null : abspath(var.package_path)
  memory_size        = var.memory_size
  timeout            = var.timeout
  snap_start         = var.snap_start
  nats_url           = var.nats_url
  elasticsearch_url  = var.elasticsearch_url
  prefix             = var.prefix
  access_key         = var.access_key
  secrets_arn        = var.secrets_arn
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  http_api           = var.http_api
}
