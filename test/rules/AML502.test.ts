import { ruleTester } from './tester';

ruleTester('AML502', {
  valid: [
    // Review of session 14: `# MAGIC` text inside a Python string is not a magic cell.
    { name: 'Databricks source notebook: # MAGIC lines inside a string', code: '# Databricks notebook source\nTEMPLATE = """\n# MAGIC %sh\n# MAGIC az ml folder attach -w w -g g\n"""\n' },
    { file: { path: 'deploy.sh', text: 'az ml job create --file job.yml\naz ml online-endpoint create --name e -f endpoint.yml\naz ml online-deployment create --name blue --endpoint e -f d.yml --all-traffic\naz ml model create --name m --path ./model\naz ml compute show --name cpu\naz ml data create -f data.yml\naz ml environment create -f env.yml\naz ml schedule create --file s.yml\n' } },
    { file: { path: 'notes.sh', text: '# az ml run submit-script -c train train.py\necho "done"\n' } },
    { cells: ['!az ml job create --file job.yml --web'] },
    { name: 'not a script', file: { path: 'README.md', text: 'az ml run submit-script' } },
    // Real shapes (round 34 sample): v2 workspace, compute and data commands; `az ml datastore list` exists in both.
    { file: { path: 'infra/setup.sh', text: 'az ml workspace create --name $WORKSPACE_NAME\naz ml compute create --name ci1 --size STANDARD_DS11_V2 --type ComputeInstance\naz ml data create --type mltable --name diabetes-training --path ../data/diabetes-data\n' } },
    { file: { path: 'run.ps1', text: "$storageName = (az ml datastore list --query '[0].{storageName:account_name}' --output table --workspace-name ws --resource-group rg)[2]\naz ml job create --name p --file ./jobs/job.yml --workspace-name ws --resource-group rg\n" } },
    { name: 'a v2 `az ml model create` from a registry', file: { path: 'register_model.sh', text: '#!/bin/bash\n\naz ml model create --name emotion --path data/models/emotion --registry-name $REGISTRY --type custom_model --version 1' } },
    // Real shapes (round 35 v2only sample): v2 batch endpoint commands, one commented out.
    { file: { path: 'ml-pipelines/cli/deploy-batch-endpint.sh', text: '# create batch endpoint\naz ml batch-endpoint create --file deploy/batch/batch-endpoint.yml\naz ml batch-deployment create --file deploy/batch/batch-deployment.yml --set-default\n#az ml batch-endpoint invoke --name taxi-batch-endpoint --input ../../data/taxi-batch.csv' } },
    // Real shapes (session 14 dbx sample, shortened): az commands that are not az ml in %sh cells; a %sh line shown
    // further down a markdown cell is that cell's text.
    {
      name: 'Databricks source notebook: az login / az account in %sh cells, a %sh line inside a %md cell',
      code: '# Databricks notebook source\n# MAGIC %sh az login\n\n# COMMAND ----------\n\n# MAGIC %sh\n# MAGIC az account get-access-token --resource 2ff814a6 --query "accessToken" --output tsv > /databricks/driver/aad_token.txt\n\n# COMMAND ----------\n\n# MAGIC %md\n# MAGIC Then run:\n# MAGIC %sh az ml run submit-script -e exp train.py\n',
    },
  ],
  invalid: [
    {
      // Review of session 14: the %sh cell is the only thing in the notebook that names Azure ML.
      name: 'Databricks .ipynb: a %sh cell in a notebook that does not otherwise name Azure ML',
      cells: ['%sh\naz login --identity\naz ml folder attach -w w -g g', 'import mlflow'],
      errors: [{ cell: 1, line: 3, column: 1, endColumn: 20 }],
    },
    {
      // A Databricks notebook exported as .ipynb: a cell starting with `%sh` (not an IPython magic) is a shell cell.
      name: 'Databricks notebook exported as .ipynb: %sh cells',
      cells: ['%sh\naz login --identity\naz ml folder attach -w w -g g', '%sh az ml model deploy -n svc -m m:1 --ic ic.json --dc dc.json'],
      errors: [{ cell: 1, line: 3, column: 1, endColumn: 20 }, { cell: 2, line: 1, column: 5, endColumn: 23 }],
    },
    {
      name: 'Databricks notebook exported as source: az ml in a %sh cell; a markdown cell is not shell',
      code: '# Databricks notebook source\n# MAGIC %sh\n# MAGIC az login --identity\n# MAGIC az ml folder attach -w ws -g rg\n\n# COMMAND ----------\n\n# MAGIC %md\n# MAGIC az ml run submit-script -e exp train.py\n\n# COMMAND ----------\n\n# MAGIC %sh az ml model deploy -n svc -m m:1 --ic ic.json --dc dc.json\n',
      errors: [{ line: 4, column: 9, endColumn: 28 }, { line: 13, column: 13, endColumn: 31 }],
    },
    {
      file: { path: 'train.sh', text: 'az ml folder attach -w ws -g rg\naz ml run submit-script -c train -e exp train.py\naz ml computetarget create amlcompute -n cpu -s STANDARD_D2_V2\naz ml model deploy -n svc -m model:1 --ic inferenceconfig.json --dc deploymentconfig.json\naz ml pipeline create-schedule -n s -y sched.yml\naz ml dataset register -f ds.json\naz ml environment scaffold -n myenv -d ./env\naz ml datastore attach-blob -n b -a acct -c cont\n' },
      errors: [
        { line: 1, column: 1, endColumn: 20, message: 'az configure --defaults' },
        { line: 2, column: 1, endColumn: 24, message: 'az ml job create' },
        { line: 3, column: 1 },
        { line: 4, column: 1, endColumn: 19, message: 'online-deployment' },
        { line: 5, column: 1 },
        { line: 6, column: 1 },
        { line: 7, column: 1 },
        { line: 8, column: 1 },
      ],
    },
    {
      name: 'verbs of v1-only groups with their own v2 command',
      file: { path: 'score.sh', text: 'az ml computetarget create amlcompute -n cpu\naz ml computetarget attach aks -n k\naz ml service run -n svc -d "$DATA"\naz ml run list\n' },
      errors: [
        { line: 1, column: 1, message: 'az ml compute create --file compute.yml' },
        { line: 2, column: 1, message: 'az ml compute attach' },
        { line: 3, column: 1, message: 'az ml online-endpoint invoke' },
        { line: 4, column: 1, message: 'az ml job list' },
      ],
    },
    { file: { path: '.github/workflows/deploy.yml', text: 'steps:\n  - run: |\n      az ml service get-logs -n svc\n' }, errors: [{ line: 3, column: 7, message: 'online-deployment' }] },
    { cells: ['!az ml model deploy -n svc -m model:1', '%%bash\naz ml folder attach -w ws'], errors: [{ cell: 1, line: 1, column: 2 }, { cell: 2, line: 2, column: 1 }] },
    {
      name: 'an Azure DevOps template whose root is the list of stages',
      file: { path: 'code/build-and-release/ml.cd.yml', text: '# Release Stages\n- stage: ReleaseDEV\n  jobs:\n  - job: Deploy\n    steps:\n    - task: AzureCLI@2\n      inputs:\n        inlineScript: |\n          az extension add -n azure-cli-ml\n          az ml folder attach -w $(ws) -g $(rg)\n' },
      errors: [{ line: 10, column: 11, endColumn: 30, message: 'az configure --defaults' }],
    },
    {
      // A helper function with no Azure ML name in it: its body is still read (semantic model bodyMatters).
      name: 'Python running the CLI: subprocess.run in a function, a v2 verb through os.system',
      code: 'import os\nimport subprocess\n\ndef submit():\n    subprocess.run("az ml run submit-script -c local -e exp train.py", shell=True)\n\nos.system("az ml job create -f job.yml")\n',
      errors: [{ line: 5, column: 21, endColumn: 44, message: 'az ml job create' }],
    },
    {
      name: 'a notebook exported to a script (nbconvert): run_cell_magic bash body with \\n escapes',
      code: "import azureml.core\nget_ipython().run_cell_magic('bash', '', 'az extension add -n azure-cli-ml\\naz ml folder attach -w ws -g rg\\n')\nget_ipython().system('az ml job create -f job.yml')\n",
      errors: [{ line: 2, column: 77, endColumn: 96, message: 'az configure --defaults' }],
    },
    {
      name: 'workspace verbs the v2 CLI dropped',
      file: { path: 'setup.sh', text: 'az ml workspace share -w ws -g rg --user a@example.com --role Contributor\naz ml workspace private-endpoint add -w ws -g rg --pe-name pe\n' },
      errors: [{ line: 1, column: 1, endColumn: 22, message: 'az role assignment create' }, { line: 2, column: 1, endColumn: 33, message: 'az network private-endpoint' }],
    },
  ],
});
