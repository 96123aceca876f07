/**
 * Round 17 (compute, environments):
 * - `cluster.update(min_nodes=, max_nodes=, idle_seconds_before_scaledown=)` in the try body of the
 *   compute get-or-create: the fields set on the v2 AmlCompute and `ml_client.compute.begin_update(cluster)`
 *   (azure-ai-ml `_compute_operations.py` begin_update sends the entity's scale settings;
 *   https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-compute), also for a workspace
 *   returned by another module's helper (the review-marked bridge, recognised once written);
 * - a `CondaDependencies` saved to a file, then given to an environment that stays v1: the conda dict
 *   written with PyYAML, the environment given v1's `CondaDependencies(path)` of that file;
 * - `model = ws.models[name]` read for `model.id` (v1 "name:version") → `model.name + ":" + model.version`.
 * - provisioning_configuration's admin user, virtual network, remote login and identity options, and an idle
 *   time written as a string of digits: the v2 AmlCompute's ssh_settings, network_settings, ssh_public_access_enabled,
 *   identity (azure-ai-ml `_compute/aml_compute.py`, `_credentials.py`).
 * Refused: a string idle time in update(), a virtual network missing one of its three names, a file saved after the environment took the object, `model.id` in an f-string.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const BRIDGE = `ml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name) if ws is not None else None${REVIEW}`;

const HELPER_WS = [
  'ws = Authenticator().get_workspace("research")',
  'if ws is None:',
  '    print("Workspace not available")',
  '',
];

const CLUSTER_V1 = [
  'try:',
  '    cluster = ComputeTarget(workspace=ws, name="cpu-cluster")',
  '    cluster.update(min_nodes=1, max_nodes=4, idle_seconds_before_scaledown=600)',
  'except ComputeTargetException:',
  '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_DS12_V2", max_nodes=4)',
  '    cluster = ComputeTarget.create(ws, "cpu-cluster", config)',
  'cluster.wait_for_completion(show_output=True, min_node_count=1, timeout_in_minutes=10)',
  '',
];

const CLUSTER_V2 = [
  'try:',
  '    cluster = ml_client.compute.get("cpu-cluster")',
  '    cluster.min_instances = 1',
  '    cluster.max_instances = 4',
  '    cluster.idle_time_before_scale_down = 600',
  '    ml_client.compute.begin_update(cluster).result()',
  'except ResourceNotFoundError:',
  '    config = azure.ai.ml.entities.AmlCompute(name="cpu-cluster", size="STANDARD_DS12_V2", max_instances=4, idle_time_before_scale_down=1800)',
  '    cluster = ml_client.compute.begin_create_or_update(config).result(timeout=600)',
  `print(cluster.provisioning_state)${REVIEW}`,
  '',
];

const CONDA_DICT = [
  'cd = {',
  '    "name": "project_environment",',
  '    "channels": ["anaconda", "conda-forge"],',
  '    "dependencies": [',
  '        "python=3.8.13",',
  '        "numpy",',
  '        {"pip": ["azureml-defaults", "inference-schema"]},',
  '    ],',
  '}',
];

describe('rewrites round 17 (compute, environments): cluster update, saved conda files, model ids', () => {
  rewriteCases([
    [
      'update() of the got cluster in the try body, the workspace from another module\'s helper (bridge)',
      [
        'from azureml.core.compute import AmlCompute, ComputeTarget',
        'from azureml.core.compute_target import ComputeTargetException',
        'from auth_helpers import Authenticator',
        '',
        ...HELPER_WS,
        ...CLUSTER_V1,
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.core.exceptions import ResourceNotFoundError',
        'from auth_helpers import Authenticator',
        '',
        HELPER_WS[0],
        BRIDGE,
        ...HELPER_WS.slice(1),
        ...CLUSTER_V2,
      ].join('\n'),
    ],
    [
      'the tested bridge already written (by another rewrite): the cluster uses it',
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azureml.core.compute import AmlCompute, ComputeTarget',
        'from azureml.core.compute_target import ComputeTargetException',
        'from auth_helpers import Authenticator',
        '',
        HELPER_WS[0],
        BRIDGE,
        ...HELPER_WS.slice(1),
        ...CLUSTER_V1,
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.core.exceptions import ResourceNotFoundError',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from auth_helpers import Authenticator',
        '',
        HELPER_WS[0],
        BRIDGE,
        ...HELPER_WS.slice(1),
        ...CLUSTER_V2,
      ].join('\n'),
    ],
    [
      'a CondaDependencies saved, then given to an environment kept v1 (shm_size has no rewrite): the file read back',
      [
        'from azureml.core import Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'myenv = Environment(name="score-env")',
        'cd = CondaDependencies()',
        'cd.add_conda_package("numpy")',
        'cd.add_pip_package("inference-schema")',
        'cd.save("score_env.yml")',
        'myenv.python.conda_dependencies = cd',
        'myenv.docker.shm_size = "2g"',
        '',
      ].join('\n'),
      [
        'import pathlib',
        'import yaml',
        'from azureml.core import Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'myenv = Environment(name="score-env")',
        ...CONDA_DICT,
        'pathlib.Path("score_env.yml").write_text(yaml.safe_dump(cd))',
        'myenv.python.conda_dependencies = CondaDependencies("score_env.yml")',
        'myenv.docker.shm_size = "2g"',
        '',
      ].join('\n'),
    ],
    [
      'save_to_file(base_directory, conda_file_path) of create(): os.path.join of the two, the create review mark kept',
      [
        'import os',
        'from azureml.core import Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'myenv = Environment(name="score-env")',
        'cd = CondaDependencies.create(pip_packages=["azureml-defaults", "scikit-learn"])',
        'cd.save_to_file(base_directory="./env", conda_file_path="env.yml")',
        'myenv.python.conda_dependencies = cd',
        'myenv.docker.shm_size = "2g"',
        '',
      ].join('\n'),
      [
        'import pathlib',
        'import yaml',
        'import os',
        'from azureml.core import Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'myenv = Environment(name="score-env")',
        `cd = {${REVIEW}`,
        '    "name": "project_environment",',
        '    "channels": ["anaconda", "conda-forge"],',
        '    "dependencies": [',
        '        "python=3.8.13",',
        '        {"pip": ["azureml-defaults", "scikit-learn"]},',
        '    ],',
        '}',
        'pathlib.Path("./env", "env.yml").write_text(yaml.safe_dump(cd))',
        'myenv.python.conda_dependencies = CondaDependencies(os.path.join("./env", "env.yml"))',
        'myenv.docker.shm_size = "2g"',
        '',
      ].join('\n'),
    ],
    [
      'provisioning with a string idle time of digits, a virtual network, an admin user and an identity (v2 AmlCompute arguments)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import AmlCompute, ComputeTarget',
        '',
        'ws = Workspace.from_config()',
        'config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", idle_seconds_before_scaledown="300", vnet_resourcegroup_name="net-rg", vnet_name="vnet", subnet_name="default", admin_username="azureuser", admin_user_ssh_key=key, remote_login_port_public_access="Disabled", identity_type="UserAssigned", identity_id=[uai_id])',
        'cluster = ComputeTarget.create(ws, "cpu", config)',
        'cluster.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'config = azure.ai.ml.entities.AmlCompute(name="cpu", size="STANDARD_D2_V2", max_instances=4, idle_time_before_scale_down=300, ssh_public_access_enabled=False, ' +
          'ssh_settings=azure.ai.ml.entities.AmlComputeSshSettings(admin_username="azureuser", ssh_key_value=key), ' +
          'network_settings=azure.ai.ml.entities.NetworkSettings(vnet_name="vnet", subnet="/subscriptions/" + ws.subscription_id + "/resourceGroups/" + "net-rg" + "/providers/Microsoft.Network/virtualNetworks/" + "vnet" + "/subnets/" + "default"), ' +
          'identity=azure.ai.ml.entities.IdentityConfiguration(type="user_assigned", user_assigned_identities=[azure.ai.ml.entities.ManagedIdentityConfiguration(resource_id=uai_id)]))',
        'cluster = ws.compute.begin_create_or_update(config).result()',
        'print(cluster.provisioning_state)',
        '',
      ].join('\n'),
    ],
    [
      'ws.models[name] read for id: name + ":" + version (v1 id), parenthesised inside an operation',
      [
        'from azureml.core import Workspace',
        '',
        'ws = Workspace.from_config()',
        'model = ws.models["keras-mlp-mnist"]',
        'print("Model: {}, ID: {}".format("keras-mlp-mnist", model.id))',
        'label = "id=" + model.id',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'model = ws.models.get(name="keras-mlp-mnist", label="latest")',
        'print("Model: {}, ID: {}".format("keras-mlp-mnist", model.name + ":" + model.version))',
        'label = "id=" + (model.name + ":" + model.version)',
        '',
      ].join('\n'),
    ],
  ]);

  const unchanged = (title: string, src: string) =>
    it(title, () => {
      const out = fixPython(src, true);
      assert.equal(out, src);
    });

  unchanged('refused: update() with a string idle time (not the v2 int)', [
    'from azureml.core import Workspace',
    'from azureml.core.compute import AmlCompute, ComputeTarget',
    'from azureml.core.compute_target import ComputeTargetException',
    '',
    'ws = Workspace.from_config()',
    'try:',
    '    cluster = ComputeTarget(workspace=ws, name="cpu-cluster")',
    '    cluster.update(idle_seconds_before_scaledown="600")',
    'except ComputeTargetException:',
    '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_DS12_V2", max_nodes=4)',
    '    cluster = ComputeTarget.create(ws, "cpu-cluster", config)',
    'cluster.wait_for_completion(show_output=True)',
    '',
  ].join('\n'));

  unchanged('refused: a virtual network without its resource group (v1 builds the subnet id from all three)', [
    'from azureml.core import Workspace',
    'from azureml.core.compute import AmlCompute, ComputeTarget',
    '',
    'ws = Workspace.from_config()',
    'config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", vnet_name="vnet", subnet_name="default")',
    'cluster = ComputeTarget.create(ws, "cpu", config)',
    'cluster.wait_for_completion(show_output=True)',
    '',
  ].join('\n'));

  unchanged('refused: the file saved after the environment took the object', [
    'from azureml.core import Environment',
    'from azureml.core.conda_dependencies import CondaDependencies',
    '',
    'myenv = Environment(name="score-env")',
    'cd = CondaDependencies()',
    'cd.add_conda_package("numpy")',
    'myenv.python.conda_dependencies = cd',
    'cd.save("score_env.yml")',
    'myenv.docker.shm_size = "2g"',
    '',
  ].join('\n'));

  unchanged('refused: model.id inside an f-string', [
    'from azureml.core import Workspace',
    '',
    'ws = Workspace.from_config()',
    'model = ws.models["keras-mlp-mnist"]',
    'print(f"ID: {model.id}")',
    '',
  ].join('\n'));

  it('a notebook: the model read for its id in a later cell', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace\nws = Workspace.from_config()' },
      { kind: 'code', text: 'model = ws.models["keras-mlp-mnist"]\nprint("Model: {}, ID: {}".format("keras-mlp-mnist", model.id))' },
    ];
    const expected = [
      { kind: 'code', text: 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient.from_config(credential=DefaultAzureCredential())' },
      { kind: 'code', text: 'model = ws.models.get(name="keras-mlp-mnist", label="latest")\nprint("Model: {}, ID: {}".format("keras-mlp-mnist", model.name + ":" + model.version))' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => ({ kind: c.kind, text: c.text })), expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => ({ kind: c.kind, text: c.text })), expected, 'a second run changes nothing');
  });
});
