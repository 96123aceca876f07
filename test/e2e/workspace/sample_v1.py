"""A training job written against the Azure ML SDK v1 (azureml-core)."""
from azureml.core import Dataset, Environment, Experiment, ScriptRunConfig, Workspace
from azureml.core.compute import ComputeTarget

ws = Workspace.from_config()
experiment = Experiment(workspace=ws, name="train-v1")
env = Environment.from_conda_specification(name="train-env", file_path="environment.yml")
compute = ComputeTarget(workspace=ws, name="cpu-cluster")
config = ScriptRunConfig(source_directory="./src", script="train.py", compute_target=compute, environment=env)
run = experiment.submit(config)
run.wait_for_completion(show_output=True)
