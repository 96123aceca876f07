import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';
import { fixDocument } from '../../server/src/engine';

ruleTester('AML401', {
  valid: [
    // Review of session 14: a `# MAGIC` comment after Python code in a Databricks cell is a comment of that code.
    { name: 'Databricks source notebook: a # MAGIC comment after code in the same cell', code: '# Databricks notebook source\nimport os\n# MAGIC %pip install azureml-sdk\n' },
    { file: { path: 'requirements.txt', text: 'azure-ai-ml\nazure-identity\nazureml-mlflow\nazureml-defaults\nazureml-inference-server-http\nazureml-fsspec\nmltable\nmlflow\n' } },
    { file: { path: 'requirements.txt', text: '# azureml-sdk\n-r base-requirements.txt\n' } },
    { file: { path: 'conda.yml', text: 'name: deploy\ndependencies:\n  - python=3.10\n  - pip:\n    - azureml-defaults\n    - azureml-inference-server-http\n' } },
    { name: 'a YAML file that is not a conda environment', file: { path: 'job.yml', text: '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: pip install azureml-core\n' } },
    { cells: ['%pip install azure-ai-ml azureml-mlflow', '!pip install -q mltable azureml-fsspec'] },
    { name: 'pip in a Python string', cells: ['cmd = "pip install azureml-sdk"'] },
    // Real shapes (round 34 sample): an MLflow model's conda.yaml, a v2 inference image, setup.py of v2 code.
    { name: 'MLflow model conda.yaml: contrib-services, ai-monitoring, dataprep stay silent', file: { path: 'model/conda.yaml', text: 'channels:\n- conda-forge\ndependencies:\n- python=3.8\n- pip\n- pip:\n  - mlflow==1.30.0\n  - azureml-contrib-services\n  - azureml-ai-monitoring==1.0.0\n  - azureml-dataprep[pandas,fuse]\nname: mlflow-env' } },
    { name: 'continued pip install of v2 packages by path', file: { path: 'Dockerfile', text: 'FROM mcr.microsoft.com/azureml/minimal-py312-inference:latest\nRUN conda env create -n userenv -f /tmp/conda.yaml && \\\n    $CONDA_ENV_DIR/userenv/bin/pip install azureml-inference-server-http \\\n    azure-ai-ml \\\n    mltable\n' } },
    { name: 'setup.py of v2 code', code: 'from setuptools import setup\n\nsetup(\n    name="x",\n    install_requires=["azure-ai-ml", "azure-identity", "azureml-mlflow"],\n)\n' },
    { name: 'a Poetry extras table names declared packages only', file: { path: 'pyproject.toml', text: '[tool.poetry.dependencies]\nazure-ai-ml = "^1.12"\n\n[tool.poetry.extras]\naml = ["azureml-sdk"]\n' } },
    // Review of round 34: a dependency commented out at column 0 while migrating; packages a comprehension leaves out.
    { name: 'pyproject.toml: a v1 dependency commented out at column 0', file: { path: 'pyproject.toml', text: '[project]\nname = "p"\ndependencies = [\n#  "azureml-core>=1.48",\n  "azure-ai-ml",\n]\n' } },
    { name: 'setup.py: packages named only in a comprehension\'s test', code: 'from setuptools import setup\nreqs = open("r.txt").read().split()\nsetup(name="p", install_requires=[r for r in reqs if r not in ("azureml-core", "azureml-sdk")])\n' },
    // An install only named: echoed (shell, PowerShell) or a CI step's label.
    { name: 'echo / printf / Write-Host of an install line, a CI step label', file: { path: 'setup.sh', text: 'echo "Run: pip install azureml-core"\nprintf "pip install azureml-widgets\\n"\nWrite-Host "pip install azureml-sdk"\n' } },
    { name: 'a CI step named after an install', file: { path: 'azure-pipelines.yml', text: 'steps:\n- script: pip install azure-ai-ml\n  displayName: pip install azureml-core\n- name: pip install azureml-widgets\n  run: pip install mltable\n' } },
    // Databricks notebooks exported as source (`# Databricks notebook source`): markdown cells and v2 packages stay silent.
    { name: 'Databricks source notebook: v2 packages, a markdown cell naming an install', code: '# Databricks notebook source\n# MAGIC %pip install azureml-mlflow azure-ai-ml\n\n# COMMAND ----------\n\n# MAGIC %md\n# MAGIC Run `pip install azureml-sdk` on older clusters\n\n# COMMAND ----------\n\ndbutils.library.installPyPI("mlflow")\n' },
    { name: 'MAGIC comments in a file that is not a Databricks notebook', code: '# MAGIC %pip install azureml-sdk\nimport os\n' },
    // Real shapes (session 14 dbx sample, shortened): an install shown in a markdown cell (a magic further down a cell
    // is that cell's text); bare %pip and automagic pip installs of v2 packages; installPyPI of azureml-mlflow and one
    // commented out; installs inside a docstring.
    { name: 'Databricks source notebook: a %pip line shown in a %md cell', code: '# Databricks notebook source\n# MAGIC %md\n# MAGIC Install with:\n# MAGIC %pip install azureml-sdk\n' },
    {
      name: 'Databricks source notebook: bare %pip and pip install of v2 packages, installPyPI("azureml-mlflow"), a commented installPyPI',
      code: '# Databricks notebook source\n%pip install marshmallow==3.19.0\n%pip install azure-ai-ml==1.12.0 azure-identity==1.15.0 xgboost mlflow\ndbutils.library.restartPython()\n\n# COMMAND ----------\n\npip install azureml-mlflow\n\n# COMMAND ----------\n\ndbutils.library.installPyPI("azureml-mlflow")\n#dbutils.library.installPyPI("azureml-sdk[databricks]")\n',
    },
    { name: 'Databricks source notebook: installs inside a docstring', code: '# Databricks notebook source\nHELP = """\npip install azureml-sdk\n%pip install azureml-core\n"""\nprint(HELP)\n' },
    // Python running a command (os.system, subprocess): v2 installs, a built command, an install that is only printed.
    {
      name: 'Python shell calls: v2 packages, an f-string command, a list without pip install, an echo',
      code: 'import os, subprocess, sys\nos.system("pip install azure-ai-ml azureml-mlflow")\nos.system(f"pip install azureml-sdk=={v}")\nsubprocess.run(["python", "azureml-core.py"])\nsubprocess.run(["pip", "download", "azureml-core"])\nsubprocess.run("echo pip install azureml-sdk", shell=True)\n',
    },
    // Review of session 15: an escaped backslash before `n` is no line break; a pip that is an argument of echo.
    {
      name: 'Python shell calls: an echoed "\\\\n" is one line; ["echo", "pip", "install", ...] runs no pip',
      code: 'import os, subprocess\nos.system("echo \'x\\\\npip install azureml-sdk\'")\nsubprocess.run(["echo", "pip", "install", "azureml-sdk"])\n',
    },
    { name: 'a %%writefile conda file of a v2 deployment', cells: ['%%writefile $experiment_folder/experiment_env.yml\nname: experiment_env\ndependencies:\n- python=3.6.2\n- pip:\n  - azureml-defaults\n  - pyarrow\n'] },
  ],
  invalid: [
    {
      file: { path: 'requirements.txt', text: 'pandas\nazureml-sdk[notebooks]==1.48.0  # v1\nAzureML_Core>=1.40\n' },
      errors: [{ line: 2, column: 1, endColumn: 31, message: ['azureml-sdk', 'azure-ai-ml', 'azure-identity'] }, { line: 3, column: 1, endColumn: 19 }],
    },
    {
      name: 'conda pip list',
      file: { path: 'environment.yml', text: 'name: train\ndependencies:\n  - python=3.8\n  - pip:\n    - azureml-core==1.48.0\n    - "azureml-dataset-runtime[fuse]"\n    - azureml-mlflow\n' },
      errors: [{ line: 5, column: 7, endColumn: 27 }, { line: 6, column: 7 }],
    },
    {
      name: 'pyproject arrays and Poetry keys',
      file: { path: 'pyproject.toml', text: '[project]\nname = "x"\ndependencies = [\n  "azureml-core>=1.4",\n  "azure-ai-ml",\n]\n[project.optional-dependencies]\nnb = ["azureml-widgets"]\n[tool.poetry.dependencies]\nazureml-sdk = "^1.48"\n' },
      errors: [{ line: 4, column: 4, endColumn: 21 }, { line: 8, column: 8 }, { line: 10, column: 1, endColumn: 12 }],
    },
    { name: 'Dockerfile', file: { path: 'docker/Dockerfile', text: 'FROM python:3.10\nRUN pip install --no-cache-dir azureml-sdk==1.48.0 pandas\n' }, errors: [{ line: 2, column: 32, endColumn: 51 }] },
    {
      name: 'notebook %pip, !pip, %%bash',
      cells: [{ md: 'Install' }, '%pip install azureml-sdk[automl] azureml-widgets', '!pip install --upgrade azureml-contrib-pipeline-steps', '%%bash\npip install azureml-core'],
      errors: [{ cell: 2, line: 1, column: 14, endColumn: 33 }, { cell: 2, line: 1, column: 34 }, { cell: 3, line: 1, column: 24 }, { cell: 4, line: 2, column: 13 }],
    },
    // Real shapes (round 34 sample, shortened).
    {
      name: 'Dockerfile: a pip named by its path, packages on `\\`-continued lines',
      file: { path: 'docker/Dockerfile', text: 'FROM continuumio/anaconda3\nRUN ~/.conda/envs/py37/bin/pip install azure-ai-ml \\\n        azureml-core \\\n        sklearn \\\n        azureml-train-automl-client \\\n        azureml-dataprep[pandas]\n' },
      errors: [{ line: 3, column: 9, endColumn: 21, message: 'azureml-core' }, { line: 5, column: 9, endColumn: 36, message: 'azureml-train-automl-client' }],
    },
    {
      name: 'requirements: the requirement without the options on its line',
      file: { path: 'requirements.txt', text: '# required for job submission\nazureml-sdk==1.27.0a0 --index-url https://example.invalid/simple --extra-index-url https://pypi.org/simple\nnumpy\n' },
      errors: [{ line: 2, column: 1, endColumn: 22 }],
    },
    {
      name: 'requirements: azureml-opendatasets (needs azureml-core), azure-cli-ml (the CLI v1 extension)',
      file: { path: 'requirements.txt', text: 'azureml-sdk\nazureml-opendatasets\nazure-cli-ml==1.27.0\nsklearn\n' },
      errors: [{ line: 1, column: 1, endColumn: 12 }, { line: 2, column: 1, endColumn: 21, message: 'azureml-opendatasets' }, { line: 3, column: 1, endColumn: 21, message: ['azure-cli-ml', 'az extension add -n ml'] }],
    },
    {
      name: 'Poetry inline tables: the declaration, not its mention in [tool.poetry.extras]',
      file: { path: 'pyproject.toml', text: '[tool.poetry.dependencies]\npython = ">=3.7,<3.9"\nazureml-sdk = { version = "1.24.0", optional = true }\nazureml-mlflow = { version = "1.24.0", optional = true }\n\n[tool.poetry.extras]\naml = ["azureml-sdk", "azureml-mlflow"]\n' },
      errors: [{ line: 3, column: 1, endColumn: 12 }],
    },
    {
      name: 'a cookiecutter pyproject.toml (bare names, not valid TOML) and PEP 735 groups',
      file: { path: '{{cookiecutter.repo_name}}/pyproject.toml', text: '[tool.poetry]\nname = "{{cookiecutter.repo_name}}"\n\n[tool.poetry.group.pipelines.dependencies]\nmlflow\nkedro-azureml\nazureml-core\nazureml-mlflow\n\n[dependency-groups]\naml = ["azureml-core>=1.48"]\n' },
      errors: [{ line: 7, column: 1, endColumn: 13 }, { line: 11, column: 9, endColumn: 27 }],
    },
    {
      name: 'setup.py install_requires',
      code: 'from setuptools import setup, find_packages\n\nsetup(\n    name="utils",\n    install_requires=[\n        \'azureml-core\',\n        \'azure-cli==2.0.81\',\n        \'azure-cli-ml\',\n    ],\n    extras_require={"nb": ["azureml-widgets>=1.0"]},\n)\n',
      errors: [{ line: 6, column: 10, endColumn: 22, message: 'azureml-core' }, { line: 8, column: 10, endColumn: 22, message: 'az extension add -n ml' }, { line: 10, column: 29, endColumn: 49, message: 'azureml-widgets' }],
    },
    {
      name: 'pip-compile output: a requirement continued by its hashes',
      file: { path: 'requirements.txt', text: '# via -r requirements.in\nazureml-core==1.48.0 \\\n    --hash=sha256:0123abcd \\\n    --hash=sha256:4567ef01\npandas==1.5.3\n' },
      errors: [{ line: 2, column: 1, endColumn: 21 }],
    },
    {
      name: 'a pip install inside a quoted YAML string, and a Makefile recipe (@pip, pipenv, poetry add)',
      file: { path: 'azure-pipelines.yml', text: "steps:\n- task: AzureCLI@2\n  inputs:\n    inlineScript: 'pip install pandas azureml-sdk'\n" },
      errors: [{ line: 4, column: 39, endColumn: 50 }],
    },
    {
      file: { path: 'Makefile', text: 'setup:\n\t@pip install -q azureml-core\n\tpipenv install azureml-widgets\n\tpoetry add azureml-pipeline\n' },
      errors: [{ line: 2, column: 18, endColumn: 30 }, { line: 3, column: 17, endColumn: 32 }, { line: 4, column: 13, endColumn: 29 }],
    },
    {
      // Real shapes: setup scripts and notebooks that install with Python (`os.system`, `subprocess.check_call([sys.executable,
      // "-m", "pip", "install", ...])`); options and their values (`-r file`, `-i URL`) are not packages.
      name: 'Python shell calls: os.system / subprocess string commands and pip install argument lists',
      code: 'import os\nimport subprocess\nimport sys\nfrom subprocess import check_call\nos.system("pip install --upgrade azureml-sdk[notebooks]")\nsubprocess.run("pip install azureml-core==1.48.0", shell=True)\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "-r", "requirements.txt", "azureml-widgets", "-i", "https://pypi.org/simple", "pandas"])\ncheck_call(args=["/usr/bin/pip3", "install", "-U", "azureml-train-automl"])\n',
      errors: [
        { line: 5, column: 34, endColumn: 56, message: 'azureml-sdk' },
        { line: 6, column: 29, endColumn: 49, message: 'azureml-core' },
        { line: 7, column: 91, endColumn: 106, message: 'azureml-widgets' },
        { line: 8, column: 53, endColumn: 73, message: 'azureml-train-automl' },
      ],
    },
    {
      name: 'a pip option before install in an argument list; a line magic wrapping os.system is reported once',
      cells: ['import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "-q", "install", "azureml-core"])', 'import os\n%time os.system("pip install azureml-widgets")'],
      errors: [{ cell: 1, line: 2, column: 71, endColumn: 83 }, { cell: 2, line: 2, column: 30, endColumn: 45 }],
    },
    {
      name: 'notebook: os.system in a code cell, in cell coordinates',
      cells: [{ md: 'Setup' }, 'import os\nos.system("pip install azureml-core")'],
      errors: [{ cell: 2, line: 2, column: 24, endColumn: 36 }],
    },
    {
      name: 'a notebook exported to a script (nbconvert): get_ipython().system / run_line_magic',
      code: "get_ipython().system('pip install --upgrade azureml-sdk[notebooks]')\nget_ipython().run_line_magic('pip', 'install azureml-core azure-ai-ml')\nget_ipython().system('pip install azure-ai-ml')\n",
      errors: [{ line: 1, column: 45, endColumn: 67 }, { line: 2, column: 46, endColumn: 58 }],
    },
    {
      // Real shapes (public Databricks notebooks using Azure ML v1): a %pip line magic, a %sh cell, dbutils.library.installPyPI.
      name: 'Databricks notebook exported as source: %pip magic, %sh cell, dbutils.library.installPyPI',
      code: '# Databricks notebook source\n# MAGIC %pip install azureml-sdk[databricks]\n\n# COMMAND ----------\n\n# MAGIC %sh\n# MAGIC pip install azureml-core==1.48.0\n\n# COMMAND ----------\n\ndbutils.library.installPyPI("azureml-sdk", version="1.0.8", extras="databricks")\ndbutils.library.installPyPI(pypiPackage="azureml-train-automl-runtime")\n',
      errors: [
        { line: 2, column: 22, endColumn: 45, message: 'azureml-sdk' },
        { line: 7, column: 21, endColumn: 41, message: 'azureml-core' },
        { line: 11, column: 30, endColumn: 41, message: 'azureml-sdk' },
        { line: 12, column: 42, endColumn: 70, message: 'azureml-train-automl-runtime' },
      ],
    },
    {
      // Real shapes (session 14 dbx sample, shortened): bare %pip, automagic pip and !pip lines in Python cells.
      name: 'Databricks source notebook: bare %pip, automagic pip install and !pip lines',
      code: '# Databricks notebook source\n# COMMAND ----------\n%pip install azureml-mlflow\n%pip install azureml-core\n# COMMAND ----------\n\npip install azureml-sdk==1.0.76\n\n# COMMAND ----------\n\n!pip install azureml-widgets\n',
      errors: [
        { line: 4, column: 14, endColumn: 26, message: 'azureml-core' },
        { line: 7, column: 13, endColumn: 32, message: 'azureml-sdk' },
        { line: 11, column: 14, endColumn: 29, message: 'azureml-widgets' },
      ],
    },
    {
      name: 'Databricks source notebook: several %pip lines in one %pip cell, a one-line %sh cell',
      code: '# Databricks notebook source\n# MAGIC %sh sudo apt-get install -y graphviz\n\n# COMMAND ----------\n\n# MAGIC %pip install tensorflow -q\n# MAGIC %pip install azureml-sdk -q\n\n# COMMAND ----------\n\n# MAGIC %sh pip install azureml-sdk[databricks]\n',
      errors: [
        { line: 7, column: 22, endColumn: 33, message: 'azureml-sdk' },
        { line: 11, column: 25, endColumn: 48, message: 'azureml-sdk' },
      ],
    },
    {
      name: 'a Databricks notebook exported as .ipynb: dbutils.library.installPyPI in a cell',
      cells: [{ md: 'Install' }, 'dbutils.library.installPyPI("azureml-sdk", extras="databricks")\ndbutils.library.restartPython()'],
      errors: [{ cell: 2, line: 1, column: 30, endColumn: 41, message: 'azureml-sdk' }],
    },
    {
      name: 'notebook %%writefile cell writing a shell script',
      cells: ['%%writefile setup.sh\n#!/bin/bash\npip install --upgrade azureml-sdk[notebooks]\n'],
      errors: [{ cell: 1, line: 3, column: 23, endColumn: 45 }],
    },
    {
      name: 'notebook %%writefile cells writing a conda environment and a requirements file',
      cells: ['%%writefile deployment-config/inference-env.yml\n\nname: project_environment\ndependencies:\n- python=3.6.2\n\n- pip:\n  - sklearn-pandas\n  - azureml-defaults\n  - azureml-core\n- scikit-learn\n', '%%writefile $folder/requirements.txt\nazureml-core==1.48.0\npandas\n'],
      errors: [{ cell: 1, line: 10, column: 5, endColumn: 17 }, { cell: 2, line: 2, column: 1, endColumn: 21 }],
    },
  ],
});

describe('AML401 fixes', () => {
  it('requirements: the first v1 line becomes azure-ai-ml + azure-identity, later ones are removed', () => {
    const [a, b] = findingsFor('AML401', { file: { path: 'requirements.txt', text: 'azureml-core\nazureml-widgets\npandas\n' } });
    assert.equal(a.fixes?.[0].edits[0].newText, 'azure-ai-ml\nazure-identity');
    assert.equal(a.fixes?.[0].safety, 'suggestion');
    assert.deepEqual(b.fixes?.[0].edits[0], { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' });
  });
  it('notebook: edits land in the cell of the install line', () => {
    const [f] = findingsFor('AML401', { cells: [{ md: 'x' }, '%pip install azureml-core'] });
    assert.deepEqual(f.fixes?.[0].edits[0], { cell: 1, range: { start: { line: 0, character: 13 }, end: { line: 0, character: 25 } }, newText: 'azure-ai-ml azure-identity' });
  });
});

describe('AML401 fixes of Databricks source notebooks', () => {
  const text = '# Databricks notebook source\n# MAGIC %pip install azureml-sdk[databricks] pandas\n\n# COMMAND ----------\n\ndbutils.library.installPyPI("azureml-core")\n';
  it('the %pip line gets the v2 pair (a suggestion); installPyPI gets none (one package per call, removed in Databricks Runtime 11.0)', () => {
    const [pip, pypi] = findingsFor('AML401', { code: text });
    assert.equal(pip.fixes?.[0].safety, 'suggestion');
    assert.equal(pypi.fixes, undefined);
    const out = (fixDocument({ kind: 'python', path: 'nb.py', text }, undefined, { unsafe: true }).output as { text: string }).text;
    assert.equal(out, text.replace('azureml-sdk[databricks] pandas', 'azure-ai-ml azure-identity pandas'));
  });
});

describe('AML401 fixes of Python shell calls', () => {
  it('a string command gets the v2 pair inside its string (a suggestion); a pip argument list gets no fix', () => {
    const text = 'import os, subprocess, sys\nos.system("pip install azureml-core azureml-widgets pandas")\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "azureml-sdk"])\n';
    const [core, widgets, listed] = findingsFor('AML401', { code: text });
    assert.equal(core.fixes?.[0].safety, 'suggestion');
    assert.ok(widgets.fixes?.length);
    assert.equal(listed.fixes, undefined);
    const out = (fixDocument({ kind: 'python', path: 'setup_env.py', text }, undefined, { unsafe: true }).output as { text: string }).text;
    assert.equal(out, text.replace('azureml-core azureml-widgets pandas', 'azure-ai-ml azure-identity pandas'));
  });
});

describe('AML401 fixes of bare installs in Databricks source notebooks', () => {
  it('a bare %pip line and an automagic pip line get the v2 pair; the # MAGIC and # COMMAND lines stay as they are', () => {
    const text = '# Databricks notebook source\n# MAGIC %md Setup\n\n# COMMAND ----------\n\n%pip install azureml-core\n\n# COMMAND ----------\n\npip install azureml-sdk==1.0.76\n';
    const out = (fixDocument({ kind: 'python', path: 'nb.py', text }, undefined, { unsafe: true }).output as { text: string }).text;
    assert.equal(out, text.replace('%pip install azureml-core', '%pip install azure-ai-ml azure-identity').replace('pip install azureml-sdk==1.0.76', 'pip install azure-ai-ml azure-identity'));
  });
});

describe('AML401 fixes of shell install lines', () => {
  const fixed = (text: string, path = 'setup.sh') => (fixDocument({ kind: 'text', path, text }, undefined, { unsafe: true }).output as { text: string }).text;

  it('a quoted package goes with its quotes, and the pair replaces a quoted first package whole', () => {
    assert.equal(
      fixed('pip install --upgrade "azureml-sdk[notebooks]" "azureml-widgets" pandas\n'),
      'pip install --upgrade azure-ai-ml azure-identity pandas\n',
    );
  });

  it('an install of v1 packages only keeps a package to install when the pair went on an earlier line', () => {
    assert.equal(
      fixed('pip install azureml-core pandas\npip install azureml-widgets\npip install --upgrade azureml-pipeline azureml-train\n'),
      'pip install azure-ai-ml azure-identity pandas\npip install azure-ai-ml azure-identity\npip install --upgrade azure-ai-ml azure-identity\n',
    );
  });

  it('a script that already installs azure-ai-ml: v1 packages beside others go, a v1-only install gets the pair', () => {
    assert.equal(
      fixed('pip install azureml-core==1.38.0\npip install azure-ai-ml numpy azureml-dataset-runtime\n'),
      'pip install azure-ai-ml azure-identity\npip install azure-ai-ml numpy\n',
    );
  });

  it('a second run changes nothing', () => {
    const once = fixed('RUN pip install "azureml-core" azureml-widgets && python -c "print(1)"\n', 'Dockerfile.gpu');
    assert.equal(once, 'RUN pip install azure-ai-ml azure-identity && python -c "print(1)"\n');
    assert.equal(fixed(once, 'Dockerfile.gpu'), once);
  });

  it('continued lines: a package alone on a line that goes on is removed with its line', () => {
    const text = 'RUN ~/.conda/envs/py37/bin/pip install azure-ai-ml \\\n        azureml-core \\\n        sklearn \\\n        azureml-train-automl-client \\\n        azureml-dataprep[pandas]\n';
    assert.equal(fixed(text, 'Dockerfile'), 'RUN ~/.conda/envs/py37/bin/pip install azure-ai-ml \\\n        sklearn \\\n        azureml-dataprep[pandas]\n');
  });

  it('requirements: the options of a v1 requirement go with it (they point at its own index)', () => {
    assert.equal(
      fixed('azureml-sdk==1.27.0a0 --index-url https://example.invalid/simple\nnumpy\n', 'requirements.txt'),
      'azure-ai-ml\nazure-identity\nnumpy\n',
    );
  });

  it('pip-compile output: a requirement continued by its hashes gets no fix (the hashes would pin the replacement)', () => {
    const [f] = findingsFor('AML401', { file: { path: 'requirements.txt', text: 'azureml-core==1.48.0 \\\n    --hash=sha256:0123abcd\n' } });
    assert.equal(f.fixes, undefined);
  });

  it('a requirements file in hash-checking mode gets no fix (pip would reject the unpinned, unhashed pair)', () => {
    const fs = findingsFor('AML401', { file: { path: 'requirements.txt', text: 'azureml-core==1.48.0 --hash=sha256:aaaa\npandas==1.5.3 --hash=sha256:bbbb\n' } });
    assert.deepEqual(fs.map((f) => [f.range.start.line, f.fixes]), [[0, undefined]]);
  });

  it('the last package of a continued command goes with the backslash before it (a Dockerfile keeps its next instruction apart)', () => {
    assert.equal(fixed('RUN pip install azure-ai-ml \\\n    azureml-core\nENV X=1\n', 'Dockerfile'), 'RUN pip install azure-ai-ml\nENV X=1\n');
    assert.equal(fixed('RUN pip install azureml-sdk \\\n    pandas \\\n    azureml-core\nENV X=1\n', 'Dockerfile'), 'RUN pip install azure-ai-ml azure-identity \\\n    pandas\nENV X=1\n');
  });

  it('azureml-opendatasets is reported but kept (SDK v2 has nothing in its place); the pair goes on the next v1 package', () => {
    assert.equal(fixed('azureml-opendatasets\nazureml-core\npandas\n', 'requirements.txt'), 'azureml-opendatasets\nazure-ai-ml\nazure-identity\npandas\n');
    assert.equal(fixed('pip install azureml-opendatasets azureml-core\n'), 'pip install azureml-opendatasets azure-ai-ml azure-identity\n');
    const [f] = findingsFor('AML401', { file: { path: 'requirements.txt', text: 'azureml-opendatasets\n' } });
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /SDK v2 has no package in its place/);
  });

  it('setup.py: the range is the requirement without the blanks of its string', () => {
    const [f] = findingsFor('AML401', { code: 'from setuptools import setup\nsetup(install_requires=[" azureml-core==1.48 "])\n' });
    assert.deepEqual(f.range, { start: { line: 1, character: 26 }, end: { line: 1, character: 44 } });
  });

  it('a %%writefile YAML cell told a CI pipeline by its text is read as one', () => {
    const fs = findingsFor('AML401', { cells: ['%%writefile ml-deploy.yml\ntrigger:\n- main\nsteps:\n- script: pip install azureml-sdk\n'] });
    assert.deepEqual(fs.map((f) => [f.cell, f.range.start.line, f.range.start.character]), [[0, 4, 22]]);
  });

  it('an install after an echo in the same line is still read', () => {
    const fs = findingsFor('AML401', { file: { path: 'setup.sh', text: 'echo done && pip install azureml-sdk\n' } });
    assert.deepEqual(fs.map((f) => [f.range.start.line, f.range.start.character]), [[0, 25]]);
  });

  it('azure-cli-ml gets no fix, and does not keep an install command from getting the pair', () => {
    assert.equal(fixed('pip install azureml-sdk azure-cli-ml\n'), 'pip install azure-ai-ml azure-identity azure-cli-ml\n');
  });

  it('notebook: a %pip line of v1 packages only keeps the pair', () => {
    const out = fixDocument({ kind: 'notebook', cells: [{ kind: 'code', text: '%pip install azure-ai-ml\n%pip install "azureml-core" azureml-widgets' }] }, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.equal(out.cells[0].text, '%pip install azure-ai-ml\n%pip install azure-ai-ml azure-identity');
  });
});
