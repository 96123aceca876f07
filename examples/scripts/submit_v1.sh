#!/usr/bin/env bash
# Submits the training run with the Azure ML CLI v1 (AML501, AML502).
set -euo pipefail
az extension add -n azure-cli-ml
az ml folder attach -w my-workspace -g my-resource-group
az ml run submit-script -c train -e sklearn-train src/train.py
