# Copyright (c) Microsoft Corporation. All rights reserved.
# Licensed under the MIT License.
"""Train a scikit-learn model on an Azure ML compute cluster (Azure ML SDK v1).

This orchestration script connects to the workspace, provisions a CPU cluster if it does not
exist yet, builds an environment from a conda file, submits src/train.py as an experiment run,
waits for it, prints the logged metrics and registers the trained model.

Run it from this folder after downloading config.json from the Azure portal:

    python train_v1.py
"""
import os

import azureml.core
from azureml.core import Environment, Experiment, ScriptRunConfig, Workspace
from azureml.core.compute import AmlCompute, ComputeTarget
from azureml.core.compute_target import ComputeTargetException
from azureml.core.model import Model

# check core SDK version number
print("Azure ML SDK Version: ", azureml.core.VERSION)

ws = Workspace.from_config()
print(ws.name, ws.resource_group, ws.location, ws.subscription_id, sep="\n")

experiment_name = "sklearn-diabetes"
exp = Experiment(workspace=ws, name=experiment_name)

# Choose a name for your CPU cluster
cluster_name = os.environ.get("AML_COMPUTE_CLUSTER_NAME", "cpu-cluster")

# Verify that the cluster does not exist already
try:
    compute_target = ComputeTarget(workspace=ws, name=cluster_name)
    print("Found existing cluster, use it.")
except ComputeTargetException:
    compute_config = AmlCompute.provisioning_configuration(
        vm_size="STANDARD_D2_V2",
        min_nodes=0,
        max_nodes=4,
        idle_seconds_before_scaledown=2400,
    )
    compute_target = ComputeTarget.create(ws, cluster_name, compute_config)
    compute_target.wait_for_completion(show_output=True, min_node_count=None, timeout_in_minutes=20)

# Use get_status() to get a detailed status for the current cluster
print(compute_target.get_status().serialize())

env = Environment.from_conda_specification(name="sklearn-env", file_path="environment.yml")

src = ScriptRunConfig(
    source_directory="src",
    script="train.py",
    arguments=["--alpha", 0.5, "--output-dir", "outputs"],
    compute_target=compute_target,
    environment=env,
)

run = exp.submit(config=src)
print(run.get_portal_url())
run.wait_for_completion(show_output=True)

# Metrics logged with run.log() in src/train.py
metrics = run.get_metrics()
for name, value in metrics.items():
    print(f"{name}: {value}")

print(run.get_file_names())
os.makedirs("outputs", exist_ok=True)
run.download_file(name="outputs/model.pkl", output_file_path="outputs/model.pkl")

model = Model.register(
    workspace=ws,
    model_name="sklearn-diabetes",
    model_path="outputs/model.pkl",
    model_framework=Model.Framework.SCIKITLEARN,
    description="Ridge regression model to predict diabetes progression",
    tags={"area": "diabetes", "type": "regression"},
)
print(model.name, model.id, model.version, sep="\t")
