import { ruleTester } from './tester';

ruleTester('AML204', {
  valid: [
    'from azure.ai.ml import spark\njob = spark(code="./src", entry={"file": "prep.py"})',
    { name: 'synapse in a string', cells: ['x = "%%synapse"'] },
    { name: '%synapse meta / stop only manage the session', cells: ['%synapse meta', '%synapse stop'] },
    { name: 'help and commented-out start', cells: ['# show help\n%synapse ?', '# %synapse start -c <compute-name> -f config.json'] },
    { name: 'a Python RunConfiguration', code: 'from azureml.core import RunConfiguration\nrc = RunConfiguration(framework="python")' },
    {
      name: 'a v2 spark component',
      code: 'from azure.ai.ml import spark, Input\nspark_component = spark(name="c", code="./src", entry={"file": "titanic.py"}, driver_cores=1, driver_memory="2g", executor_cores=2, executor_memory="2g", executor_instances=2)',
    },
    {
      // Spark outside Azure ML: a Synapse Studio script (real shape) and a Databricks notebook export.
      name: 'Spark code in Synapse or Databricks, not through Azure ML',
      code: "get_ipython().run_cell_magic('pyspark', '', \"df = spark.read.load('abfss://c@a.dfs.core.windows.net/x.parquet', format='parquet')\")\n# Databricks notebook source\ndbutils.secrets.get(scope='s', key='k')",
    },
  ],
  invalid: [
    {
      // The HDInsight sample's shape set as an attribute (also through a ScriptRunConfig); `framework = "Python"` is not Spark.
      name: 'framework = "PySpark" set on a run configuration',
      code: 'from azureml.core import RunConfiguration, ScriptRunConfig\nrc = RunConfiguration()\nrc.framework = "PySpark"\nsrc = ScriptRunConfig(source_directory=".", script="s.py")\nsrc.run_config.framework = "pyspark"\nrc.framework = "Python"',
      errors: [{ line: 3, column: 16, endColumn: 25, message: ['framework = "pyspark"', 'HDInsight'] }, { line: 5, column: 28, endColumn: 37, message: 'framework = "pyspark"' }],
    },
    {
      // The underline covers `%synapse  start` as written, blanks included (review of round 34).
      name: '%synapse start with extra blanks',
      cells: ['%synapse  start  -c pool'],
      errors: [{ cell: 1, line: 1, column: 1, endColumn: 16, message: '%synapse start' }],
    },
    { code: 'from azureml.pipeline.steps import SynapseSparkStep\nstep = SynapseSparkStep(name="prep", file="prep.py")', errors: [{ line: 2, column: 8, message: ['spark', 'preview'] }] },
    { name: '%%synapse cell', cells: [{ md: 'Spark' }, '%%synapse\ndf = spark.read.csv("x")'], errors: [{ cell: 2, line: 1, column: 1, endColumn: 10, message: '%%synapse' }] },
    {
      // The azureml-synapse session flow: start a session, run cells and single lines on it, stop it.
      name: '%synapse start, a %synapse line and %%synapse cells',
      cells: [
        '%synapse start -c SynapseSparkPoolAlias -s sub -r rg -w ws',
        '%%synapse\ndf = spark.read.csv("abfss://x")',
        '%synapse df.show()',
        '%synapse stop',
      ],
      errors: [
        { cell: 1, line: 1, column: 1, endColumn: 15, message: ['%synapse start', 'azure.ai.ml.spark'] },
        { cell: 2, line: 1, column: 1, endColumn: 10, message: '%%synapse' },
        { cell: 3, line: 1, column: 1, endColumn: 9, message: ['`%synapse` runs this line', 'spark'] },
      ],
    },
    {
      // A tutorial notebook (real shape): a Spark run on an attached Synapse pool, then a SynapseSparkStep.
      name: 'RunConfiguration(framework="pyspark") and SynapseSparkStep',
      cells: [
        'from azureml.core import RunConfiguration, ScriptRunConfig\nrun_config = RunConfiguration(framework="pyspark")\nrun_config.target = attached_synapse_name\nsrc = ScriptRunConfig(source_directory="./script", script="job.py", run_config=run_config)',
        "from azureml.pipeline.steps import SynapseSparkStep\nstep_1 = SynapseSparkStep(name = 'synapse-spark',\n                          file = 'pyspark_job_pipeline.py',\n                          compute_target = synapse_compute, num_executors = 1)",
      ],
      errors: [
        { cell: 1, line: 2, column: 31, endColumn: 50, message: ['RunConfiguration(framework="pyspark")', 'Synapse Spark pool or HDInsight cluster', 'SynapseSparkCompute'] },
        { cell: 2, line: 2, column: 10, endColumn: 26, message: 'azure.ai.ml.spark' },
      ],
    },
  ],
});
