#!/usr/bin/env bash
# Drives `mercury server` with the AWS CLI: create-state-machine, start-execution, the callback
# pattern with send-task-success, describe-execution, get-execution-history, list-executions and
# stop-execution. The server requires SigV4 with the dummy keys the CLI is given, so the CLI's own
# signing is checked too. Prints PASS/FAIL lines; skips (exit 0) when no `aws` can be had.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/awscli"

if ! "$here/ensure-awscli.sh"; then
  echo "awscli test: SKIPPED: no 'aws' command and awscli could not be installed here."
  exit 0
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=AKIDMERCURYCLI
export AWS_SECRET_ACCESS_KEY=mercury-cli-secret
export AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER=""
export AWS_CONFIG_FILE="$work/aws-config"
export AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
: >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"

MERCURY_ACCESS_KEY=$AWS_ACCESS_KEY_ID MERCURY_SECRET_KEY=$AWS_SECRET_ACCESS_KEY \
  "$root/mercury" server --port 0 --db "$work/mercury.db" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(sed -n 's|.*API on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.out" 2>/dev/null)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "awscli test: FAIL: mercury server did not start"; cat "$work/server.err" >&2; exit 1
fi

sfn() { timeout 60 aws stepfunctions --endpoint-url "http://127.0.0.1:$port" --region us-east-1 "$@"; }
failures=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "PASS $1"; else echo "FAIL $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}
await_status() { # await_status EXECUTION_ARN -> prints the status once it is no longer RUNNING
  local status=RUNNING
  for _ in $(seq 1 200); do
    status=$(sfn describe-execution --execution-arn "$1" --query status --output text)
    [ "$status" != "RUNNING" ] && break
    sleep 0.1
  done
  echo "$status"
}

definition='{"StartAt": "Approve", "States": {
  "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    "Parameters": {"QueueUrl": "https://sqs.example/approvals",
      "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
    "ResultPath": "$.approval", "Next": "Done"},
  "Done": {"Type": "Pass", "End": true}}}'
machine=$(sfn create-state-machine --name approvals --definition "$definition" \
  --role-arn arn:aws:iam::123456789012:role/mercury --query stateMachineArn --output text)
check create-state-machine "arn:aws:states:us-east-1:123456789012:stateMachine:approvals" "$machine"

execution=$(sfn start-execution --state-machine-arn "$machine" --name order-7 \
  --input '{"order": 7}' --query executionArn --output text)
check start-execution "arn:aws:states:us-east-1:123456789012:execution:approvals:order-7" "$execution"

parameters=""
for _ in $(seq 1 100); do
  parameters=$(sfn get-execution-history --execution-arn "$execution" \
    --query "events[?type=='TaskScheduled'].taskScheduledEventDetails.parameters | [0]" --output text)
  [ -n "$parameters" ] && [ "$parameters" != "None" ] && break
  sleep 0.1
done
token=$(printf '%s' "$parameters" | python3 -c 'import json,sys; print(json.load(sys.stdin)["MessageBody"]["token"])')
sfn send-task-success --task-token "$token" --task-output '{"approved": true}' >/dev/null

check describe-execution SUCCEEDED "$(await_status "$execution")"
output=$(sfn describe-execution --execution-arn "$execution" --query output --output text)
check execution-output '{"order":7,"approval":{"approved":true}}' "$output"
check send-task-success-again TaskTimedOut \
  "$(sfn send-task-success --task-token "$token" --task-output '{}' 2>&1 >/dev/null | grep -o TaskTimedOut | sed -n 1p)"

types=$(sfn get-execution-history --execution-arn "$execution" --query 'events[].type' --output text | tr '\t' ' ')
check get-execution-history \
  "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskSucceeded TaskStateExited PassStateEntered PassStateExited ExecutionSucceeded" \
  "$types"
newest=$(sfn get-execution-history --execution-arn "$execution" --reverse-order --max-items 1 \
  --query 'events[0].type' --output text | sed -n 1p)
check get-execution-history-reverse ExecutionSucceeded "$newest"

sleeper=$(sfn create-state-machine --name sleeper --role-arn arn:aws:iam::123456789012:role/mercury \
  --definition '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}' \
  --query stateMachineArn --output text)
sleeping=$(sfn start-execution --state-machine-arn "$sleeper" --query executionArn --output text)
sfn stop-execution --execution-arn "$sleeping" --error Operator.Stop --cause "stopped by the CLI test" >/dev/null
check stop-execution ABORTED "$(await_status "$sleeping")"

check list-executions SUCCEEDED "$(sfn list-executions --state-machine-arn "$machine" \
  --status-filter SUCCEEDED --query 'executions[0].status' --output text)"
check list-executions-count 1 "$(sfn list-executions --state-machine-arn "$sleeper" \
  --query 'length(executions)' --output text)"

wrong=$(AWS_SECRET_ACCESS_KEY=not-the-secret sfn list-state-machines 2>&1 >/dev/null | grep -o InvalidSignatureException | sed -n 1p)
check wrong-secret-refused InvalidSignatureException "$wrong"

if [ "$failures" -ne 0 ]; then
  echo "awscli test: $failures check(s) failed ($(aws --version 2>&1))"
  exit 1
fi
echo "awscli test: all checks passed ($(aws --version 2>&1))"
