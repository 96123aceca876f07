import * as assert from 'node:assert/strict';
import { applyFixes, fixDocument, lint, writeNotebookCells, parseNotebook, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

function fixPy(text: string, unsafe = false): string {
  return fixPython(text, unsafe);
}

describe('fixes', () => {
  describe('safe fixes (--fix)', () => {
    it('removes an unused v1 import, keeping used names', () => {
      assert.equal(
        fixPy('from azureml.core import Workspace, Experiment\nexp = Experiment(ws, "x")\n'),
        'from azureml.core import Experiment\nexp = Experiment(ws, "x")\n',
      );
    });
    it('removes a dead import statement; a block left empty gets pass', () => {
      assert.equal(fixPy('import os\nimport azureml.core\nprint(os.name)\n'), 'import os\nprint(os.name)\n');
      assert.equal(fixPy('try:\n    from azureml.core import Run\nexcept ImportError:\n    pass\n'), 'try:\n    pass\nexcept ImportError:\n    pass\n');
    });
    it('an import removed from the top of a file or cell takes the blank lines after it', () => {
      assert.equal(fixPy('from azureml.core import Workspace\n\n\nimport os\nprint(os.name)\n'), 'import os\nprint(os.name)\n');
      // Not in the middle of a file, and not all the way to the end.
      assert.equal(fixPy('import os\nfrom azureml.core import Workspace\n\nprint(os.name)\n'), 'import os\n\nprint(os.name)\n');
      assert.equal(fixPy('import azureml.core\n\n'), '\n');
      const cells = ['import os', 'from azureml.core import Experiment\n\nprint(os.name)'];
      const out = fixDocument({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code' as const, text })) }).output;
      assert.deepEqual((out as { cells: Array<{ text: string }> }).cells.map((c) => c.text), ['import os', 'print(os.name)']);
    });
    it('v2 imports written where the v1 import was keep the blank line before the code', () => {
      const out = fixPy('from azureml.core import Workspace\n\nws = Workspace.from_config()\nprint(ws.name)\n', true);
      assert.equal(out, 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name)\n');
    });
    it('leaves __init__.py re-exports alone', () => {
      const out = fixDocument({ kind: 'python', text: 'from azureml.core import Workspace\n', path: 'pkg/__init__.py' }).output as { text: string };
      assert.equal(out.text, 'from azureml.core import Workspace\n');
    });
    it('aliases the v1 side of a collision and renames its uses', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\nfrom azure.ai.ml.entities import Workspace\nnew = Workspace(name="w")\n';
      const out = fixPy(src);
      assert.equal(out, 'from azureml.core import Workspace as WorkspaceV1\nws = WorkspaceV1.from_config()\nfrom azure.ai.ml.entities import Workspace\nnew = Workspace(name="w")\n');
      assert.deepEqual(lint({ kind: 'python', text: out }).findings.filter((f) => f.code === 'AML002'), []);
    });
    it('does not apply suggestions', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
      assert.equal(fixPy(src), src);
    });
  });

  describe('suggestions (--unsafe-fixes)', () => {
    const cases: Array<[string, string, string]> = [
      [
        'Workspace.from_config → MLClient.from_config, imports after the docstring and __future__',
        '"""Train."""\nfrom __future__ import annotations\nfrom azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws)\n',
        '"""Train."""\nfrom __future__ import annotations\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws)\n',
      ],
      [
        'Workspace.get → MLClient with resource_group_name',
        'from azureml.core import Workspace\nws = Workspace.get(name="w", subscription_id=sub, resource_group="rg")\n',
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient(DefaultAzureCredential(), subscription_id=sub, resource_group_name="rg", workspace_name="w")\n',
      ],
      [
        'a workspace whose every use has a v2 form becomes one MLClient, its uses with it',
        'import os\nfrom azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nblob = Datastore.get(ws, "blob")\n',
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport os\nws = MLClient.from_config(credential=DefaultAzureCredential())\nds = ws.datastores.get_default()\nblob = ws.datastores.get(name="blob")\n',
      ],
      [
        'run.log → mlflow.log_metric, then get_context → mlflow.start_run, then the unused import goes',
        'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\n',
        'import mlflow\nrun = mlflow.start_run()\nmlflow.log_metric("accuracy", acc)\n',
      ],
      [
        'a run still used as a v1 run keeps Run.get_context()',
        // A string with a description has no MLflow form (log_text takes no description).
        'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\nrun.log("note", "text stays", description="d")\n',
        'import mlflow\nfrom azureml.core import Run\nrun = Run.get_context()\nmlflow.log_metric("accuracy", acc)\nrun.log("note", "text stays", description="d")\n',
      ],
      [
        'ScriptRunConfig → command, Experiment.submit → jobs.create_or_update',
        'from azureml.core import Experiment, ScriptRunConfig\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nsrc = ScriptRunConfig(source_directory="./src", script="train.py", arguments=["--epochs", 10], compute_target="gpu")\nrun = Experiment(ml_client, "exp").submit(src)\n',
        // No environment in v1 meant v1's default one; v2 requires one: the default image, for review.
        'from azure.ai.ml import command\nimport azure.ai.ml.entities\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nsrc = command(code="./src", command="python train.py --epochs 10", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), compute="gpu")  # amlint: review\nrun = ml_client.jobs.create_or_update(src, experiment_name="exp")\n',
      ],
      [
        'two rewrites that add the same lines in one pass add them once (merged insertions)',
        'from azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nblob = Datastore.get(ws, "blob")\nws.get_default_keyvault()\n',
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azureml.core import Workspace\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nws = Workspace.from_config()\nds = ml_client.datastores.get_default()\nblob = ml_client.datastores.get(name="blob")\nws.get_default_keyvault()\n',
      ],
      [
        'workspace properties become MLClient properties',
        'from azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws.name, ws.resource_group)\n',
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name, ws.resource_group_name)\n',
      ],
      [
        'a workspace still used as a v1 object stays; its properties are read from an ml_client of the same config',
        'from azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws.name)\nws.get_default_keyvault()\n',
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azureml.core import Workspace\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nws = Workspace.from_config()\nprint(ml_client.workspace_name)\nws.get_default_keyvault()\n',
      ],
      [
        'entities reached through their module never collide with the v1 names still imported',
        // `other` stays v1: environment_variables belong to the job in v2, so it has no rewrite.
        'from azureml.core import Environment\nenv = Environment.from_conda_specification(name="e", file_path="conda.yml")\nother = Environment("x")\nother.environment_variables = {"A": "1"}\n',
        'import azure.ai.ml.entities\nfrom azureml.core import Environment\nenv = azure.ai.ml.entities.Environment(\n    name="e",\n    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review\n    conda_file="conda.yml",\n)\nother = Environment("x")\nother.environment_variables = {"A": "1"}\n',
      ],
      [
        'PythonScriptStep → command node',
        'from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep(name="prep", script_name="prep.py", source_directory="src", compute_target="cpu")\n',
        // v2 commands need an environment: v1's default image, marked for review.
        'import azure.ai.ml.entities\nfrom azure.ai.ml import command\nstep = command(\n    display_name="prep",\n    code="src",\n    command="python prep.py",\n    compute="cpu",\n    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review\n)\n',
      ],
      [
        'print(azureml.core.VERSION)',
        'import azureml.core\nprint("SDK version:", azureml.core.VERSION)\n',
        'import importlib.metadata\nprint("SDK version:", importlib.metadata.version("azure-ai-ml"))\n',
      ],
    ];
    for (const [name, src, expected] of cases) {
      it(name, () => {
        const out = fixPy(src, true);
        assert.equal(out, expected);
        assert.ok(parses(out), 'the fixed file still parses');
        assert.equal(fixPy(out, true), out, 'a second run changes nothing');
      });
    }

    it('fixes adding lines at the same point apply in one pass', () => {
      const src = 'from azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nblob = Datastore.get(ws, "blob")\nws.get_default_keyvault()\n';
      // (AML100's migrate-this-import suggestion left out: the point is the two rewrites.)
      const fixes = lint({ kind: 'python', text: src }).findings.filter((f) => f.code !== 'AML100').flatMap((f) => f.fixes?.filter((x) => x.safety === 'suggestion').slice(0, 1) ?? []);
      assert.equal(fixes.length, 2);
      const { output, applied } = applyFixes({ kind: 'python', text: src }, fixes);
      assert.equal(applied, 2);
      assert.equal((output as { text: string }).text.match(/^ml_client = /gm)?.length, 1);
    });

    it('a workspace used as a v1 object is not turned into an MLClient', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws.name, ws.location)\nws.get_default_keyvault()\n';
      const f = lint({ kind: 'python', text: src }).findings.find((x) => x.code === 'AML101' && x.range.start.line === 1);
      assert.equal(f?.fixes, undefined);
    });

    it('properties of a workspace from Workspace.get(...) never come from the module\'s ml_client (it may name another workspace)', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.get(name="other")\nprint(ws.name, ws.location)\n';
      const found = lint({ kind: 'python', text: src }).findings.filter((x) => x.code === 'AML101' && x.range.start.line === 2);
      // The name is the one it was fetched by; the location is read through a client bridged from
      // that very workspace (its own subscription, group and name), never MLClient.from_config.
      assert.deepEqual(found.map((f) => f.fixes?.[0]?.edits.map((e) => e.newText)), [
        ['"other"'],
        [
          'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n',
          '\nml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name)',
          'ml_client.workspaces.get(ml_client.workspace_name).location',
        ],
      ]);
    });

    it('arguments that cannot be translated mean no fix', () => {
      const src = 'from azureml.core import ScriptRunConfig\nsrc = ScriptRunConfig(source_directory=".", script="train.py", arguments=["--data", ds.as_mount()])\n';
      const f = lint({ kind: 'python', text: src }).findings.find((x) => x.code === 'AML102');
      assert.equal(f?.fixes, undefined);
    });
  });

  describe('notebooks', () => {
    const nb = {
      cells: [
        { cell_type: 'markdown', id: 'a1', metadata: {}, source: ['# Title\n'] },
        { cell_type: 'code', execution_count: 1, id: 'b2', metadata: { tags: ['x'] }, outputs: [{ name: 'stdout', output_type: 'stream', text: ['1.48.0\n'] }], source: ['import azureml.core\n', 'from azureml.core import Workspace, Run\n', 'print(azureml.core.VERSION)'] },
        { cell_type: 'code', execution_count: 2, id: 'c3', metadata: {}, outputs: [], source: 'ws = Workspace.from_config()' },
      ],
      metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const json = JSON.stringify(nb, null, 1) + '\n';

    it('writes fixed cells back and keeps outputs, metadata, ids, key order and formatting', () => {
      const parsed = parseNotebook(json);
      assert.ok('cells' in parsed);
      const input: DocumentInput = { kind: 'notebook', cells: parsed.cells };
      const out = fixDocument(input, undefined, { unsafe: true }).output;
      assert.equal(out.kind, 'notebook');
      const written = writeNotebookCells(json, parsed.cells, (out as { cells: typeof parsed.cells }).cells)!;
      const back = JSON.parse(written);
      // Everything but the code sources is identical.
      assert.deepEqual({ ...back, cells: back.cells.map((c: { source?: unknown }) => ({ ...c, source: undefined })) }, { ...nb, cells: nb.cells.map((c) => ({ ...c, source: undefined })) });
      assert.deepEqual(Object.keys(back.cells[1]), Object.keys(nb.cells[1]));
      assert.ok(written.endsWith('}\n'));
      assert.equal(written.split('\n')[1], ' "cells": [', 'one-space indentation kept');
      // The markdown cell is untouched byte for byte; the string source stays a string.
      assert.ok(written.includes('"source": [\n    "# Title\\n"\n   ]'));
      assert.equal(typeof back.cells[2].source, 'string');
      const code = back.cells[1].source.join('') + '\n' + back.cells[2].source;
      assert.ok(code.includes('importlib.metadata.version("azure-ai-ml")'), code);
      assert.ok(code.includes('MLClient.from_config(credential=DefaultAzureCredential())'), code);
      assert.ok(parses(code));
    });

    it('writing unchanged cells returns the same bytes', () => {
      const parsed = parseNotebook(json);
      assert.ok('cells' in parsed);
      assert.equal(writeNotebookCells(json, parsed.cells, parsed.cells), json);
    });
  });
});
