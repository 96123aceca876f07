/**
 * Generates a realistic, deterministic source tree for the benchmark: Python files and Jupyter
 * notebooks in the proportions of public Azure ML repositories (see
 * shared/reference/real-world-patterns.md): about a third of the files touch Azure ML (SDK v1,
 * SDK v2, a few both), the rest are ordinary data-science Python (pandas, scikit-learn, torch,
 * utilities, tests). Notebooks carry markdown, IPython magics (`%pip`, `!az ml`, `%%writefile`,
 * `%%time`) and outputs (streams, HTML tables, base64 PNG images), as real ones do.
 *
 * The same (scale, seed) always gives byte-identical files, so runs on different machines or
 * days lint the same input. Scale k writes k "projects" of the 1× size each (different seeds),
 * so the 16× tree is sixteen repositories' worth of files, not one file made longer.
 *
 *   node out/bench/generate.js DIR [--scale N] [--seed S]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32: small, fast, good enough for picking templates. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A size with a long tail (most files small, a few large), like real repositories. */
  skewed(lo: number, hi: number): number {
    const u = this.next();
    return Math.round(lo + (hi - lo) * u * u);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const DATASETS = ['diabetes', 'bank-marketing', 'credit-default', 'nyc-taxi', 'iris', 'churn', 'energy-demand', 'fraud', 'housing', 'mnist', 'cifar10', 'reviews'];
const CLUSTERS = ['cpu-cluster', 'gpu-cluster', 'cpucluster', 'train-cluster', 'aml-compute', 'd2-cluster'];
const VM_SIZES = ['STANDARD_D2_V2', 'STANDARD_DS3_V2', 'Standard_NC6', 'STANDARD_D13_V2', 'Standard_NC6s_v3'];
const MODELS = ['LogisticRegression', 'RandomForestClassifier', 'GradientBoostingRegressor', 'Ridge', 'SVC', 'KNeighborsClassifier'];
const COLUMNS = ['age', 'income', 'balance', 'duration', 'campaign', 'pdays', 'previous', 'tenure', 'monthly_charges', 'total_charges', 'trip_distance', 'fare_amount', 'passenger_count', 'temperature', 'humidity', 'load'];
const VERBS = ['load', 'prepare', 'clean', 'split', 'encode', 'scale', 'train', 'evaluate', 'score', 'plot', 'summarize', 'validate', 'export', 'merge', 'resample'];
const NOUNS = ['data', 'frame', 'features', 'labels', 'model', 'metrics', 'report', 'batch', 'config', 'records', 'results', 'predictions', 'weights', 'history'];

function ident(r: Rng): string {
  return `${r.pick(VERBS)}_${r.pick(NOUNS)}`;
}

function col(r: Rng): string {
  return r.pick(COLUMNS);
}

// ---------------------------------------------------------------------------------------------
// Code blocks. Each returns Python source (no trailing blank line).

type Block = (r: Rng) => string;

/** SDK-free blocks: what most of a data-science repository is made of. */
const PLAIN_BLOCKS: Block[] = [
  (r) => `def ${ident(r)}(path, sep=","):
    """Read the raw ${r.pick(DATASETS)} extract and drop obviously broken rows."""
    df = pd.read_csv(path, sep=sep)
    df = df.dropna(subset=["${col(r)}", "${col(r)}"])
    df["${col(r)}"] = df["${col(r)}"].clip(lower=0)
    logger.info("loaded %d rows from %s", len(df), path)
    return df`,
  (r) => `def ${ident(r)}(df, target="${col(r)}", test_size=${r.pick(['0.2', '0.25', '0.3'])}, seed=${r.int(0, 99)}):
    X = df.drop(columns=[target])
    y = df[target]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=test_size, random_state=seed)
    return X_train, X_test, y_train, y_test`,
  (r) => `def ${ident(r)}(X_train, y_train, **params):
    model = ${r.pick(MODELS)}(**params)
    model.fit(X_train, y_train)
    return model`,
  (r) => `def ${ident(r)}(model, X_test, y_test):
    predictions = model.predict(X_test)
    metrics = {
        "accuracy": float(accuracy_score(y_test, predictions)),
        "f1": float(f1_score(y_test, predictions, average="weighted")),
    }
    for name, value in metrics.items():
        print(f"{name}: {value:.4f}")
    return metrics`,
  (r) => `class ${r.pick(['Feature', 'Column', 'Window', 'Target', 'Outlier'])}${r.pick(['Encoder', 'Scaler', 'Selector', 'Builder', 'Filter'])}:
    """A small scikit-learn style transformer."""

    def __init__(self, columns=None, fill_value=${r.int(0, 10)}):
        self.columns = columns or []
        self.fill_value = fill_value
        self.statistics_ = {}

    def fit(self, X, y=None):
        for c in self.columns:
            self.statistics_[c] = X[c].median()
        return self

    def transform(self, X):
        X = X.copy()
        for c in self.columns:
            X[c] = X[c].fillna(self.statistics_.get(c, self.fill_value))
        return X

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)`,
  (r) => `def ${ident(r)}(df, columns=("${col(r)}", "${col(r)}", "${col(r)}")):
    out = df.copy()
    for c in columns:
        mean, std = out[c].mean(), out[c].std()
        out[c] = (out[c] - mean) / (std if std else 1.0)
    out["${col(r)}_bucket"] = pd.cut(out["${col(r)}"], bins=${r.int(3, 12)}, labels=False)
    return out`,
  (r) => `def ${ident(r)}(history, path="${r.pick(['outputs', 'figures', 'plots'])}/${r.pick(NOUNS)}.png"):
    fig, ax = plt.subplots(figsize=(${r.int(4, 10)}, ${r.int(3, 6)}))
    ax.plot(history["loss"], label="train")
    ax.plot(history["val_loss"], label="validation")
    ax.set_xlabel("epoch")
    ax.legend()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path)
    plt.close(fig)`,
  (r) => `class ${r.pick(['Net', 'Classifier', 'Encoder', 'Regressor'])}${r.int(1, 9)}(nn.Module):
    def __init__(self, in_features=${r.int(8, 784)}, hidden=${r.pick(['64', '128', '256'])}, out_features=${r.int(1, 10)}):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, hidden),
            nn.ReLU(),
            nn.Dropout(${r.pick(['0.1', '0.2', '0.5'])}),
            nn.Linear(hidden, out_features),
        )

    def forward(self, x):
        return self.layers(x)`,
  (r) => `def ${ident(r)}(model, loader, optimizer, device="cpu", epochs=${r.int(2, 30)}):
    criterion = nn.CrossEntropyLoss()
    history = {"loss": []}
    for epoch in range(epochs):
        model.train()
        running = 0.0
        for inputs, labels in loader:
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = criterion(model(inputs), labels)
            loss.backward()
            optimizer.step()
            running += loss.item()
        history["loss"].append(running / max(1, len(loader)))
        print(f"epoch {epoch}: loss={history['loss'][-1]:.4f}")
    return history`,
  (r) => `def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="${r.pick(VERBS)} the ${r.pick(DATASETS)} ${r.pick(NOUNS)}")
    parser.add_argument("--data", type=str, default="data/${r.pick(DATASETS)}.csv")
    parser.add_argument("--output-dir", type=str, default="outputs")
    parser.add_argument("--${r.pick(['alpha', 'learning-rate', 'max-depth', 'n-estimators'])}", type=float, default=${r.pick(['0.1', '0.01', '1.0', '100'])})
    parser.add_argument("--seed", type=int, default=${r.int(0, 1000)})
    return parser.parse_args(argv)`,
  (r) => `@dataclass
class ${r.pick(['Train', 'Data', 'Run', 'Eval'])}Config:
    data_path: str = "data/${r.pick(DATASETS)}.csv"
    target: str = "${col(r)}"
    test_size: float = ${r.pick(['0.2', '0.3'])}
    seed: int = ${r.int(0, 99)}
    features: List[str] = field(default_factory=lambda: ["${col(r)}", "${col(r)}", "${col(r)}"])

    @classmethod
    def from_json(cls, path):
        with open(path) as f:
            return cls(**json.load(f))`,
  (r) => `def ${ident(r)}(records, key="${col(r)}"):
    grouped = {}
    for record in records:
        grouped.setdefault(record.get(key), []).append(record)
    summary = []
    for value, items in sorted(grouped.items(), key=lambda kv: str(kv[0])):
        summary.append({"value": value, "count": len(items), "share": len(items) / max(1, len(records))})
    return summary`,
  (r) => `def test_${ident(r)}_keeps_rows():
    df = pd.DataFrame({"${col(r)}": [1, 2, None], "${col(r)}": [0.5, 0.1, 0.3]})
    out = df.fillna(0)
    assert len(out) == 3
    assert out.isna().sum().sum() == 0


def test_${ident(r)}_handles_empty():
    df = pd.DataFrame()
    assert df.empty`,
  (r) => `def ${ident(r)}(path):
    """Save the model with joblib (and a small JSON side file describing it)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    joblib.dump(model, path)
    with open(path + ".json", "w") as f:
        json.dump({"created": time.strftime("%Y-%m-%d"), "kind": "${r.pick(MODELS)}"}, f, indent=2)
    # azure blob paths look like wasbs://container@account/... and are not SDK code
    return path`,
];

const PLAIN_IMPORTS = [
  'import argparse',
  'import json',
  'import logging',
  'import os',
  'import sys',
  'import time',
  'from dataclasses import dataclass, field',
  'from pathlib import Path',
  'from typing import Dict, List, Optional',
  '',
  'import joblib',
  'import matplotlib.pyplot as plt',
  'import numpy as np',
  'import pandas as pd',
  'import torch',
  'import torch.nn as nn',
  'from sklearn.ensemble import GradientBoostingRegressor, RandomForestClassifier',
  'from sklearn.linear_model import LogisticRegression, Ridge',
  'from sklearn.metrics import accuracy_score, f1_score',
  'from sklearn.model_selection import train_test_split',
  'from sklearn.neighbors import KNeighborsClassifier',
  'from sklearn.svm import SVC',
].join('\n');

const LOGGER = 'logger = logging.getLogger(__name__)';

/** SDK v1 blocks, shaped like the most used v1 APIs (Workspace.from_config, Experiment, ...). */
const V1_BLOCKS: Block[] = [
  (r) => `ws = Workspace.from_config()
print(ws.name, ws.resource_group, ws.location, ws.subscription_id, sep="\\n")
print("Azure ML SDK Version: ", azureml.core.VERSION)`,
  (r) => `cluster_name = os.environ.get("AML_COMPUTE_CLUSTER_NAME", "${r.pick(CLUSTERS)}")
try:
    compute_target = ComputeTarget(workspace=ws, name=cluster_name)
    print("Found existing cluster, use it.")
except ComputeTargetException:
    compute_config = AmlCompute.provisioning_configuration(
        vm_size="${r.pick(VM_SIZES)}",
        min_nodes=0,
        max_nodes=${r.int(2, 8)},
        idle_seconds_before_scaledown=${r.pick(['1800', '2400', '600'])},
    )
    compute_target = ComputeTarget.create(ws, cluster_name, compute_config)
    compute_target.wait_for_completion(show_output=True, min_node_count=None, timeout_in_minutes=20)
print(compute_target.get_status().serialize())`,
  (r) => `experiment = Experiment(workspace=ws, name="${r.pick(DATASETS)}-${r.pick(['train', 'automl', 'hyperdrive', 'pipeline'])}")
env = Environment.from_conda_specification(name="${r.pick(DATASETS)}-env", file_path="environment.yml")
env.docker.base_image = DEFAULT_CPU_IMAGE
src = ScriptRunConfig(
    source_directory="${r.pick(['src', 'scripts', 'train'])}",
    script="train.py",
    arguments=["--data", dataset.as_named_input("training").as_mount(), "--alpha", ${r.pick(['0.5', '0.1', '1.0'])}],
    compute_target=compute_target,
    environment=env,
)
run = experiment.submit(config=src)
run.wait_for_completion(show_output=True)
print(run.get_metrics())`,
  (r) => `datastore = ws.get_default_datastore()
datastore.upload(src_dir="./data", target_path="${r.pick(DATASETS)}", overwrite=True, show_progress=True)
dataset = Dataset.Tabular.from_delimited_files(path=[(datastore, "${r.pick(DATASETS)}/*.csv")])
dataset = dataset.register(workspace=ws, name="${r.pick(DATASETS)}-ds", description="training data", create_new_version=True)
df = dataset.to_pandas_dataframe()
print(df.describe())`,
  (r) => `run = Run.get_context()
offline = run.id.startswith("OfflineRun")
for name, value in metrics.items():
    run.log(name, value)
run.log_list("${col(r)}_distribution", list(np.histogram(df["${col(r)}"], bins=10)[0]))
os.makedirs("outputs", exist_ok=True)
joblib.dump(model, "outputs/model.pkl")
if not offline:
    run.upload_file("outputs/model.pkl", "outputs/model.pkl")
    run.complete()`,
  (r) => `automl_config = AutoMLConfig(
    task="${r.pick(['classification', 'regression', 'forecasting'])}",
    primary_metric="${r.pick(['AUC_weighted', 'accuracy', 'normalized_root_mean_squared_error'])}",
    experiment_timeout_hours=${r.pick(['0.25', '0.5', '1'])},
    training_data=train_data,
    label_column_name="${col(r)}",
    compute_target=compute_target,
    enable_early_stopping=True,
    n_cross_validations=${r.int(3, 5)},
)
remote_run = experiment.submit(automl_config, show_output=False)
RunDetails(remote_run).show()
remote_run.wait_for_completion()
best_run, fitted_model = remote_run.get_output()`,
  (r) => `prepped = PipelineData("prepped_${r.pick(NOUNS)}", datastore=datastore)
prep_step = PythonScriptStep(
    name="prepare",
    script_name="prep.py",
    arguments=["--output", prepped],
    outputs=[prepped],
    compute_target=compute_target,
    runconfig=run_config,
    source_directory="pipeline",
    allow_reuse=True,
)
train_step = PythonScriptStep(
    name="train",
    script_name="train.py",
    arguments=["--input", prepped],
    inputs=[prepped],
    compute_target=compute_target,
    runconfig=run_config,
    source_directory="pipeline",
)
pipeline = Pipeline(workspace=ws, steps=[prep_step, train_step])
pipeline_run = experiment.submit(pipeline)
pipeline_run.wait_for_completion()
published = pipeline.publish(name="${r.pick(DATASETS)}-pipeline", description="train on schedule")`,
  (r) => `model = Model.register(
    workspace=ws,
    model_path="outputs/model.pkl",
    model_name="${r.pick(DATASETS)}-model",
    tags={"area": "${r.pick(DATASETS)}", "type": "${r.pick(MODELS)}"},
)
inference_config = InferenceConfig(entry_script="score.py", environment=env)
deployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=${r.int(1, 4)}, auth_enabled=True)
service = Model.deploy(ws, "${r.pick(DATASETS)}-svc", [model], inference_config, deployment_config)
service.wait_for_deployment(show_output=True)
print(service.scoring_uri)`,
  (r) => `def init():
    global model
    model_path = Model.get_model_path("${r.pick(DATASETS)}-model")
    model = joblib.load(model_path)


def run(raw_data):
    data = np.array(json.loads(raw_data)["data"])
    result = model.predict(data)
    return result.tolist()`,
  (r) => `run_config = RunConfiguration()
run_config.environment.python.conda_dependencies = CondaDependencies.create(
    pip_packages=["azureml-defaults", "scikit-learn==${r.pick(['0.24.2', '1.0.2', '1.2.2'])}", "pandas"],
    conda_packages=["numpy"],
)
run_config.target = compute_target
env = Environment.get(workspace=ws, name="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu")`,
  (r) => `def get_workspace(auth=None) -> Workspace:
    """Connect with a service principal in CI, interactively otherwise."""
    if os.environ.get("AML_SP_SECRET"):
        auth = ServicePrincipalAuthentication(
            tenant_id=os.environ["AML_TENANT_ID"],
            service_principal_id=os.environ["AML_SP_ID"],
            service_principal_password=os.environ["AML_SP_SECRET"],
        )
    return Workspace.get(
        name=os.environ.get("AML_WORKSPACE", "${r.pick(DATASETS)}-ws"),
        subscription_id=os.environ["AZ_SUBSCRIPTION_ID"],
        resource_group=os.environ.get("AZ_RESOURCE_GROUP", "ml-rg"),
        auth=auth,
    )`,
  (r) => `mlflow.set_tracking_uri(ws.get_mlflow_tracking_uri())
mlflow.set_experiment("${r.pick(DATASETS)}")
with mlflow.start_run():
    mlflow.log_param("model", "${r.pick(MODELS)}")
    mlflow.log_metric("accuracy", ${r.next().toFixed(3)})`,
];

const V1_IMPORT_SETS = [
  `import azureml.core
from azureml.core import Dataset, Environment, Experiment, Run, ScriptRunConfig, Workspace
from azureml.core.compute import AmlCompute, ComputeTarget
from azureml.core.compute_target import ComputeTargetException
from azureml.core.runconfig import DEFAULT_CPU_IMAGE, RunConfiguration
from azureml.core.conda_dependencies import CondaDependencies`,
  `from azureml.core import Workspace, Experiment, Dataset
from azureml.core.compute import ComputeTarget, AmlCompute
from azureml.core.compute_target import ComputeTargetException
from azureml.train.automl import AutoMLConfig
from azureml.widgets import RunDetails`,
  `from azureml.core import Workspace, Experiment, Environment
from azureml.core.runconfig import RunConfiguration
from azureml.core.conda_dependencies import CondaDependencies
from azureml.pipeline.core import Pipeline, PipelineData
from azureml.pipeline.steps import PythonScriptStep`,
  `from azureml.core import Run
from azureml.core.model import Model`,
  `from azureml.core import Workspace, Environment
from azureml.core.model import InferenceConfig, Model
from azureml.core.webservice import AciWebservice
from azureml.core.authentication import ServicePrincipalAuthentication`,
  `from azureml import core
from azureml.core import (
    Dataset,
    Experiment,
    Workspace,
)
from azureml.data.datapath import DataPath`,
];

/** SDK v2 blocks (azure.ai.ml), which must stay silent or nearly so. */
const V2_BLOCKS: Block[] = [
  (r) => `credential = DefaultAzureCredential()
ml_client = MLClient.from_config(credential=credential)
print(ml_client.workspace_name)`,
  (r) => `ml_client = MLClient(
    DefaultAzureCredential(),
    subscription_id=os.environ["AZ_SUBSCRIPTION_ID"],
    resource_group_name="${r.pick(['ml-rg', 'rg-ml-dev', 'aml-rg'])}",
    workspace_name="${r.pick(DATASETS)}-ws",
)`,
  (r) => `cluster = AmlCompute(
    name="${r.pick(CLUSTERS)}",
    type="amlcompute",
    size="${r.pick(VM_SIZES)}",
    min_instances=0,
    max_instances=${r.int(2, 8)},
    idle_time_before_scale_down=${r.pick(['120', '180', '600'])},
)
ml_client.compute.begin_create_or_update(cluster).result()`,
  (r) => `job = command(
    code="./src",
    command="python train.py --data \${{inputs.data}} --alpha \${{inputs.alpha}}",
    inputs={
        "data": Input(type="uri_file", path="azureml://datastores/workspaceblobstore/paths/${r.pick(DATASETS)}/data.csv"),
        "alpha": ${r.pick(['0.5', '0.1', '1.0'])},
    },
    environment="azureml:${r.pick(DATASETS)}-env:${r.int(1, 9)}",
    compute="${r.pick(CLUSTERS)}",
    display_name="${r.pick(DATASETS)}-train",
    experiment_name="${r.pick(DATASETS)}",
)
returned_job = ml_client.jobs.create_or_update(job)
ml_client.jobs.stream(returned_job.name)`,
  (r) => `@dsl.pipeline(compute="${r.pick(CLUSTERS)}", description="${r.pick(VERBS)} and train")
def ${r.pick(DATASETS).replace(/-/g, '_').replace(/\d/g, '')}_pipeline(raw_data, test_split_ratio=0.2):
    prep = prep_component(data=raw_data, test_train_ratio=test_split_ratio)
    train = train_component(train_data=prep.outputs.train_data, learning_rate=${r.pick(['0.1', '0.01'])})
    return {"model": train.outputs.model_output}


pipeline_job = ml_client.jobs.create_or_update(
    ${r.pick(DATASETS).replace(/-/g, '_').replace(/\d/g, '')}_pipeline(Input(type=AssetTypes.URI_FOLDER, path="azureml:${r.pick(DATASETS)}:1")),
    experiment_name="pipeline-samples",
)`,
  (r) => `env = Environment(
    name="${r.pick(DATASETS)}-env",
    conda_file="environment/conda.yaml",
    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",
)
ml_client.environments.create_or_update(env)
data_asset = Data(path="./data/${r.pick(DATASETS)}.csv", type=AssetTypes.URI_FILE, name="${r.pick(DATASETS)}")
ml_client.data.create_or_update(data_asset)`,
  (r) => `endpoint = ManagedOnlineEndpoint(name="${r.pick(DATASETS)}-ep-${r.int(100, 999)}", auth_mode="key")
ml_client.online_endpoints.begin_create_or_update(endpoint).result()
deployment = ManagedOnlineDeployment(
    name="blue",
    endpoint_name=endpoint.name,
    model=Model(path="./model", type=AssetTypes.MLFLOW_MODEL),
    instance_type="Standard_DS3_v2",
    instance_count=1,
)
ml_client.online_deployments.begin_create_or_update(deployment).result()`,
  (r) => `mlflow.autolog()
with mlflow.start_run():
    model = ${r.pick(MODELS)}()
    model.fit(X_train, y_train)
    mlflow.log_metric("score", model.score(X_test, y_test))
    mlflow.sklearn.log_model(model, "model")`,
];

const V2_IMPORTS = `from azure.ai.ml import Input, MLClient, Output, command, dsl
from azure.ai.ml.constants import AssetTypes
from azure.ai.ml.entities import AmlCompute, Data, Environment, ManagedOnlineDeployment, ManagedOnlineEndpoint, Model
from azure.identity import DefaultAzureCredential
import mlflow`;

/** The real way files mix SDKs: a v1 Workspace only to feed the v2 client. */
const MIXED_BLOCK: Block = () => `ws = Workspace.from_config()
ml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name)
print(ml_client.workspace_name)`;

// ---------------------------------------------------------------------------------------------
// Files

export type Kind = 'v1' | 'v2' | 'mixed' | 'plain';

function header(r: Rng, kind: Kind): string {
  const what =
    kind === 'v1' ? 'Train and register a model with Azure ML (SDK v1).'
    : kind === 'v2' ? 'Submit the training job with the Azure ML v2 SDK.'
    : kind === 'mixed' ? 'Connect to the workspace and hand it to the v2 client.'
    : `${r.pick(VERBS)[0]!.toUpperCase()}${r.pick(VERBS).slice(1)} helpers for the ${r.pick(DATASETS)} project.`;
  return `# Copyright (c) ${r.pick(['Contoso', 'Fabrikam', 'Microsoft Corporation', 'the authors'])}. All rights reserved.\n"""${what}\n\nUsage: python ${r.pick(VERBS)}.py --help\n"""`;
}

function imports(kind: Kind, r: Rng): string {
  switch (kind) {
    case 'v1':
      return `${PLAIN_IMPORTS}\n\n${r.pick(V1_IMPORT_SETS)}`;
    case 'v2':
      return `${PLAIN_IMPORTS}\n\n${V2_IMPORTS}`;
    case 'mixed':
      return `${PLAIN_IMPORTS}\n\nfrom azureml.core import Workspace\n${V2_IMPORTS}`;
    case 'plain':
      return PLAIN_IMPORTS;
  }
}

/** A `.py` file of roughly `targetLines` lines. */
export function pythonFile(r: Rng, kind: Kind, targetLines: number): string {
  const parts = [header(r, kind), `${imports(kind, r)}\n\n${LOGGER}`];
  let lines = parts.join('\n').split('\n').length;
  const sdk = kind === 'v1' ? V1_BLOCKS : kind === 'v2' ? V2_BLOCKS : kind === 'mixed' ? [MIXED_BLOCK, ...V2_BLOCKS] : [];
  if (kind === 'mixed') parts.push(MIXED_BLOCK(r));
  while (lines < targetLines) {
    // SDK files are mostly ordinary code too: about one block in three uses the SDK.
    const block = sdk.length && r.chance(0.35) ? r.pick(sdk)(r) : r.pick(PLAIN_BLOCKS)(r);
    parts.push(block);
    lines += block.split('\n').length + 2;
  }
  if (r.chance(0.5)) parts.push(`if __name__ == "__main__":\n    args = parse_args()\n    main(args)`);
  return parts.join('\n\n\n') + '\n';
}

// Notebooks -----------------------------------------------------------------------------------

interface NbCell {
  cell_type: 'code' | 'markdown' | 'raw';
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: number | null;
  outputs?: unknown[];
  id?: string;
}

/** Lines as nbformat stores them: every line but the last keeps its "\n". */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? l + '\n' : l)).filter((l, i) => !(i === lines.length - 1 && l === ''));
}

function base64Png(r: Rng, bytes: number): string {
  // Looks like (and is as long as) a matplotlib PNG; only its size matters to a linter.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let s = 'iVBORw0KGgoAAAANSUhEUgAA';
  const chunk = Array.from({ length: 64 }, () => alphabet[r.int(0, 63)]).join('');
  while (s.length < bytes) s += chunk;
  return s.slice(0, bytes);
}

function outputsFor(r: Rng, code: string): unknown[] {
  const u = r.next();
  if (u < 0.35) return [];
  if (u < 0.65) {
    return [{ name: 'stdout', output_type: 'stream', text: sourceLines(Array.from({ length: r.int(1, 12) }, (_, i) => `${r.pick(NOUNS)} ${i}: ${r.next().toFixed(4)}`).join('\n') + '\n') }];
  }
  if (u < 0.85) {
    const rows = Array.from({ length: r.int(3, 10) }, (_, i) => `<tr><th>${i}</th><td>${r.int(18, 90)}</td><td>${r.next().toFixed(3)}</td></tr>`).join('\n');
    return [
      {
        data: {
          'text/html': sourceLines(`<div>\n<table border="1" class="dataframe">\n<thead><tr><th></th><th>${col(r)}</th><th>${col(r)}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</div>`),
          'text/plain': sourceLines(`   ${col(r)}  ${col(r)}\n0  ${r.int(1, 99)}  ${r.next().toFixed(3)}`),
        },
        execution_count: null,
        metadata: {},
        output_type: 'execute_result',
      },
    ];
  }
  return [
    {
      data: { 'image/png': base64Png(r, r.int(8_000, 60_000)), 'text/plain': ['<Figure size 640x480 with 1 Axes>'] },
      metadata: { needs_background: 'light' },
      output_type: 'display_data',
    },
  ];
}

const MARKDOWN = [
  (r: Rng) => `# ${r.pick(DATASETS)}: ${r.pick(VERBS)} and ${r.pick(VERBS)}\n\nThis notebook walks through the ${r.pick(NOUNS)} of the ${r.pick(DATASETS)} project.`,
  (r: Rng) => `## ${r.pick(['Setup', 'Prerequisites', 'Load the data', 'Train', 'Evaluate', 'Clean up resources'])}\n\nRun the cells below in order. The compute cluster \`${r.pick(CLUSTERS)}\` is created if it does not exist.`,
  () => `| SDK v1 | SDK v2 |\n|---|---|\n| \`Workspace.from_config()\` | \`MLClient.from_config(credential)\` |\n| \`ScriptRunConfig\` | \`command()\` |\n| \`experiment.submit(...)\` | \`ml_client.jobs.create_or_update(...)\` |`,
  (r: Rng) => `> **Note**: data is read from \`azureml://datastores/workspaceblobstore/paths/${r.pick(DATASETS)}/\`; outputs go to \`./outputs\`.`,
  (r: Rng) => `### ${r.pick(NOUNS)}\n\n- ${r.pick(VERBS)} the ${r.pick(NOUNS)}\n- ${r.pick(VERBS)} the ${r.pick(NOUNS)}\n- ${r.pick(VERBS)} the ${r.pick(NOUNS)}`,
];

function pipCell(kind: Kind): string {
  return kind === 'v1' ? '%pip install azureml-sdk azureml-widgets'
    : kind === 'v2' ? '%pip install azure-ai-ml azureml-mlflow mlflow'
    : kind === 'mixed' ? '%pip install azureml-core azure-ai-ml'
    : '%pip install pandas scikit-learn matplotlib';
}

const CELL_EXTRAS: Array<(r: Rng, kind: Kind) => string> = [
  () => '%%time\nresults = [x ** 2 for x in range(100000)]\nlen(results)',
  (r) => `df.head(${r.int(3, 10)})`,
  (r) => `df["${col(r)}"].describe()`,
  (r, kind) => (kind === 'v1' ? '!az ml folder attach -w my-ws -g my-rg' : kind === 'v2' ? '!az ml job create --file job.yml' : '!ls -la data/'),
  (r, kind) =>
    kind === 'v1'
      ? `%%writefile ${r.pick(['train.py', 'score.py', 'prep.py'])}\nimport argparse\nfrom azureml.core import Run\n\nrun = Run.get_context()\nparser = argparse.ArgumentParser()\nparser.add_argument("--alpha", type=float, default=0.5)\nargs = parser.parse_args()\nrun.log("alpha", args.alpha)\nrun.complete()`
      : `%%writefile ${r.pick(['utils.py', 'helpers.py'])}\nimport pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)`,
  () => '%matplotlib inline',
  () => '',
];

/** A notebook of roughly `targetCells` cells. */
export function notebookFile(r: Rng, kind: Kind, targetCells: number): string {
  const cells: NbCell[] = [];
  const withIds = r.chance(0.3);
  let count = 1;
  const code = (text: string): void => {
    const executed = r.chance(0.8);
    cells.push({
      cell_type: 'code',
      execution_count: executed ? count++ : null,
      metadata: {},
      outputs: executed ? outputsFor(r, text) : [],
      source: sourceLines(text),
    });
  };
  const markdown = (text: string): void => void cells.push({ cell_type: 'markdown', metadata: {}, source: sourceLines(text) });

  markdown(MARKDOWN[0]!(r));
  code(pipCell(kind));
  code(imports(kind, r));
  if (kind === 'mixed') code(MIXED_BLOCK(r));
  const sdk = kind === 'v1' ? V1_BLOCKS : kind === 'v2' ? V2_BLOCKS : [];
  while (cells.length < targetCells) {
    const u = r.next();
    if (u < 0.3) markdown(r.pick(MARKDOWN)(r));
    else if (u < 0.4) code(r.pick(CELL_EXTRAS)(r, kind));
    else if (sdk.length && u < 0.7) code(r.pick(sdk)(r));
    else code(r.pick(PLAIN_BLOCKS)(r));
  }
  const nb = {
    cells: withIds ? cells.map((c, i) => ({ id: `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}`, ...c })) : cells,
    metadata: {
      kernelspec: { display_name: 'Python 3.8 - AzureML', language: 'python', name: 'python38-azureml' },
      language_info: { codemirror_mode: { name: 'ipython', version: 3 }, file_extension: '.py', mimetype: 'text/x-python', name: 'python', nbconvert_exporter: 'python', pygments_lexer: 'ipython3', version: '3.8.5' },
    },
    nbformat: 4,
    nbformat_minor: withIds ? 5 : 2,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Trees

/**
 * One 1× project: 120 `.py` files and 80 notebooks (the public survey's 59:41 split). A third of
 * the files touch Azure ML: 45% of those SDK v1, 45% v2, 10% both (the survey: 353 v1, 350 v2,
 * 16 mixed of 1,347; its mixed share is raised so the mixed shape is exercised).
 */
export const PY_PER_PROJECT = 120;
export const NB_PER_PROJECT = 80;

function kindFor(r: Rng): Kind {
  const u = r.next();
  if (u >= 1 / 3) return 'plain';
  const v = u * 3;
  return v < 0.45 ? 'v1' : v < 0.9 ? 'v2' : 'mixed';
}

const PY_DIRS = ['src', 'src/data', 'src/models', 'pipelines', 'scripts', 'tests', 'deploy', 'utils'];
const NB_DIRS = ['notebooks', 'notebooks/exploration', 'notebooks/training', 'how-to'];

export interface GeneratedTree {
  root: string;
  py: string[];
  notebooks: string[];
  /** Lines of Python: `.py` lines plus the lines of notebook code cells. */
  lines: number;
  bytes: number;
  kinds: Record<Kind, number>;
}

/** Writes the tree for `scale` under `root` (which must not exist or be empty). */
export function generateTree(root: string, scale: number, seed = 1): GeneratedTree {
  const out: GeneratedTree = { root, py: [], notebooks: [], lines: 0, bytes: 0, kinds: { v1: 0, v2: 0, mixed: 0, plain: 0 } };
  for (let p = 0; p < scale; p++) {
    const r = new Rng(seed * 1_000_003 + p * 7919 + 17);
    const project = path.join(root, `project-${String(p + 1).padStart(2, '0')}`);
    const write = (rel: string, text: string): string => {
      const file = path.join(project, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      out.bytes += Buffer.byteLength(text);
      return file;
    };
    for (let i = 0; i < PY_PER_PROJECT; i++) {
      const kind = kindFor(r);
      out.kinds[kind]++;
      // __init__.py files are many and tiny in real trees.
      const init = i % 15 === 0;
      const text = init ? '' : pythonFile(r, kind, r.skewed(30, 450));
      out.lines += text ? text.split('\n').length - 1 : 0;
      const dir = r.pick(PY_DIRS);
      const name = init ? '__init__.py' : `${kind === 'plain' ? '' : 'aml_'}${ident(r)}_${i}.py`;
      out.py.push(write(path.join(init ? PY_DIRS[(i / 15) % PY_DIRS.length]! : dir, name), text));
    }
    for (let i = 0; i < NB_PER_PROJECT; i++) {
      const kind = kindFor(r);
      out.kinds[kind]++;
      const text = notebookFile(r, kind, r.skewed(8, 60));
      out.lines += codeLines(text);
      out.notebooks.push(write(path.join(r.pick(NB_DIRS), `${String(i).padStart(2, '0')}-${r.pick(DATASETS)}-${r.pick(VERBS)}.ipynb`), text));
    }
    write('requirements.txt', r.chance(0.5) ? 'azureml-core==1.51.0\nazureml-dataset-runtime\npandas\nscikit-learn\n' : 'azure-ai-ml\nazure-identity\nmlflow\npandas\n');
  }
  out.py.sort();
  out.notebooks.sort();
  return out;
}

function codeLines(notebookJson: string): number {
  const nb = JSON.parse(notebookJson) as { cells: NbCell[] };
  return nb.cells.filter((c) => c.cell_type === 'code').reduce((n, c) => n + c.source.length, 0);
}

/** `n` Python files of every kind in the tree's proportions (documents open in an editor). */
export function pythonDocuments(n: number, seed = 500): string[] {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => pythonFile(r, kindFor(r), r.skewed(30, 450)));
}

/** A v1 script of about `lines` lines (the editor-latency document). */
export function largeV1File(lines: number, seed = 5000): string {
  const r = new Rng(seed);
  return pythonFile(r, 'v1', lines);
}

/** Cells for the notebook-latency document: `n` cells, a third markdown. */
export function largeNotebookCells(n: number, seed = 300): Array<{ kind: 'code' | 'markdown'; text: string }> {
  const r = new Rng(seed);
  const cells: Array<{ kind: 'code' | 'markdown'; text: string }> = [
    { kind: 'code', text: imports('v1', r) },
  ];
  while (cells.length < n) {
    const u = r.next();
    if (u < 0.3) cells.push({ kind: 'markdown', text: r.pick(MARKDOWN)(r) });
    else if (u < 0.65) cells.push({ kind: 'code', text: r.pick(V1_BLOCKS)(r) });
    else cells.push({ kind: 'code', text: r.pick(PLAIN_BLOCKS)(r) });
  }
  return cells;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const opt = (name: string, d: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  if (!dir) {
    process.stderr.write('usage: node out/bench/generate.js DIR [--scale N] [--seed S]\n');
    process.exit(2);
  }
  const tree = generateTree(path.resolve(dir), opt('--scale', 1), opt('--seed', 1));
  process.stdout.write(`${tree.py.length} .py, ${tree.notebooks.length} .ipynb, ${tree.lines} lines, ${(tree.bytes / 1e6).toFixed(1)} MB; kinds ${JSON.stringify(tree.kinds)}\n`);
}
