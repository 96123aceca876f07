# Copyright (c) Microsoft Corporation. All rights reserved.
# Licensed under the MIT License.
"""Train the same model as train_v1.py with Azure ML SDK v2 (azure-ai-ml).

The job runs src/train_mlflow.py (train.py with MLflow logging instead of the v1 Run API) on
a compute cluster, reading the training data from the workspace's default blob datastore, then
registers the model the job wrote to ./outputs.

    pip install azure-ai-ml azure-identity
    python v2_clean.py
"""
from azure.ai.ml import Input, MLClient, command
from azure.ai.ml.constants import AssetTypes
from azure.ai.ml.entities import AmlCompute, Environment, Model
from azure.core.exceptions import ResourceNotFoundError
from azure.identity import DefaultAzureCredential

# authenticate and get a handle to the workspace (reads config.json)
credential = DefaultAzureCredential()
ml_client = MLClient.from_config(credential=credential)

cpu_compute_target = "cpu-cluster"
try:
    cpu_cluster = ml_client.compute.get(cpu_compute_target)
    print(f"You already have a cluster named {cpu_compute_target}, we'll reuse it as is.")
except ResourceNotFoundError:
    cpu_cluster = AmlCompute(
        name=cpu_compute_target,
        type="amlcompute",
        size="STANDARD_D2_V2",
        min_instances=0,
        max_instances=4,
        idle_time_before_scale_down=2400,
        tier="Dedicated",
    )
    cpu_cluster = ml_client.compute.begin_create_or_update(cpu_cluster).result()

env = Environment(
    name="sklearn-env",
    description="Environment for the diabetes ridge regression",
    conda_file="environment.yml",
    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",
)
env = ml_client.environments.create_or_update(env)

job = command(
    code="./src",
    command="python train_mlflow.py --data ${{inputs.data}} --alpha ${{inputs.alpha}} --output-dir ./outputs",
    inputs={
        "alpha": 0.5,
        "data": Input(
            type=AssetTypes.URI_FILE,
            path="azureml://datastores/workspaceblobstore/paths/diabetes/diabetes.csv",
        ),
    },
    environment=f"azureml:{env.name}:{env.version}",
    compute=cpu_compute_target,
    experiment_name="sklearn-diabetes",
    display_name="sklearn-diabetes-ridge",
)

returned_job = ml_client.jobs.create_or_update(job)
print(returned_job.studio_url)
ml_client.jobs.stream(returned_job.name)

model = Model(
    path=f"azureml://jobs/{returned_job.name}/outputs/artifacts/paths/outputs/model.pkl",
    name="sklearn-diabetes",
    description="Ridge regression model to predict diabetes progression",
    type=AssetTypes.CUSTOM_MODEL,
    tags={"area": "diabetes", "type": "regression"},
)
registered_model = ml_client.models.create_or_update(model)
print(registered_model.name, registered_model.version, sep="\t")
