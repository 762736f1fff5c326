# One Lambda function serves both of Mercury's entry points: the HTTP trigger (Step Functions'
# JSON API, through a function URL and/or an API Gateway HTTP API) and the step messages that the
# bridge hands it with the Invoke API. Everything calls the alias "live", so a deploy with
# SnapStart switches all callers to the new snapshot at once.

locals {
  # A relative package path is read from this module's directory, wherever terraform runs.
  package_path = (can(regex("^(/|[A-Za-z]:[\\\\/])", var.package_path))
    ? var.package_path
  : "${path.module}/${var.package_path}")

  # Empty settings are left out, so that a value kept in the secret is not shadowed by "".
  environment = {
    for key, value in merge(var.environment, {
      MERCURY_NATS          = var.nats_url
      MERCURY_ELASTICSEARCH = var.elasticsearch_url
      MERCURY_PREFIX        = var.prefix
      MERCURY_ACCESS_KEY    = var.access_key
      MERCURY_SECRETS_ARN   = var.secrets_arn == null ? "" : var.secrets_arn
    }) : key => value if value != ""
  }

  in_vpc = length(var.subnet_ids) > 0
}

data "aws_partition" "current" {}

data "aws_region" "current" {}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${var.name}-function"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

# Least privilege: write to its own log group (which Terraform creates, so no CreateLogGroup),
# and read the one secret it is given.
data "aws_iam_policy_document" "function" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = var.secrets_arn == null ? [] : [var.secrets_arn]
    content {
      sid       = "ReadMercurySecret"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.secrets_arn == null || var.secrets_kms_key_arn == null ? [] : [var.secrets_kms_key_arn]
    content {
      sid       = "DecryptMercurySecret"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${data.aws_region.current.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "mercury"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.function.json
}

# Network interfaces in the given subnets: AWS's own policy for exactly that, only when asked.
resource "aws_iam_role_policy_attachment" "vpc" {
  count      = local.in_vpc ? 1 : 0
  role       = aws_iam_role.this.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  role             = aws_iam_role.this.arn
  filename         = local.package_path
  source_code_hash = filebase64sha256(local.package_path)
  runtime          = "java21"
  handler          = "dev.mercury.aws.host.LambdaHandler::handleRequest"
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout
  publish          = var.snap_start

  reserved_concurrent_executions = var.reserved_concurrency

  environment {
    variables = local.environment
  }

  dynamic "snap_start" {
    for_each = var.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  dynamic "vpc_config" {
    for_each = local.in_vpc ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tags = var.tags

  depends_on = [
    aws_iam_role_policy.this,
    aws_iam_role_policy_attachment.vpc,
  ]
}

# With publish = false the version is "$LATEST", which an alias may name too.
resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

# Mercury checks SigV4 itself when MERCURY_ACCESS_KEY is set (the AWS CLI signs for the "states"
# service, which IAM-authorised function URLs would refuse), so the URL lets every request in.
resource "aws_lambda_function_url" "this" {
  count              = var.function_url ? 1 : 0
  function_name      = aws_lambda_function.this.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "url" {
  count                  = var.function_url ? 1 : 0
  statement_id           = "MercuryFunctionUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.this.function_name
  qualifier              = aws_lambda_alias.live.name
  principal              = "*"
  function_url_auth_type = "NONE"
}

resource "aws_lambda_permission" "url_invoke" {
  count                    = var.function_url ? 1 : 0
  statement_id             = "MercuryFunctionUrlInvoke"
  action                   = "lambda:InvokeFunction"
  function_name            = aws_lambda_function.this.function_name
  qualifier                = aws_lambda_alias.live.name
  principal                = "*"
  invoked_via_function_url = true
}

resource "aws_apigatewayv2_api" "this" {
  count         = var.http_api ? 1 : 0
  name          = var.name
  protocol_type = "HTTP"
  tags          = var.tags
}

resource "aws_apigatewayv2_integration" "this" {
  count                  = var.http_api ? 1 : 0
  api_id                 = aws_apigatewayv2_api.this[0].id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.live.invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = min(var.timeout * 1000, 30000)
}

resource "aws_apigatewayv2_route" "this" {
  count     = var.http_api ? 1 : 0
  api_id    = aws_apigatewayv2_api.this[0].id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.this[0].id}"
}

resource "aws_apigatewayv2_stage" "this" {
  count       = var.http_api ? 1 : 0
  api_id      = aws_apigatewayv2_api.this[0].id
  name        = "$default"
  auto_deploy = true
  tags        = var.tags
}

resource "aws_lambda_permission" "http_api" {
  count         = var.http_api ? 1 : 0
  statement_id  = "MercuryHttpApi"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this[0].execution_arn}/*/*"
}

# What the step bridge's own role needs: invoking the alias, nothing else.
data "aws_iam_policy_document" "bridge" {
  statement {
    sid       = "InvokeMercurySteps"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.live.arn]
  }
}
