/**
 * AML204 spark-in-jobs: Spark in pipelines (SynapseSparkStep, %%synapse) (no full SDK v2 equivalent).
 */
import { featureRule } from './features';

export default featureRule({
  meta: {
    code: 'AML204',
    name: 'spark-in-jobs',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds Spark in SDK v1 pipelines: `SynapseSparkStep` and `%%synapse` notebook cells.",
    why: "SDK v2 has `spark` jobs and components (`azure.ai.ml.spark`, `SparkJob`, `SparkComponent`) that run on serverless Spark compute or an attached Synapse Spark pool. The 2022 migration guide listed Spark in jobs as missing and later as \"currently in preview in v2\"; the current Spark concepts page has no preview label. `%%synapse` cells (azureml-synapse magic) are v1-only.",
    v1Example: "from azureml.pipeline.steps import SynapseSparkStep\n\nstep = SynapseSparkStep(name=\"prep\", file=\"prep.py\", source_directory=\"./src\", compute_target=synapse, driver_memory=\"7g\", num_executors=2)",
    v2Example: "from azure.ai.ml import spark\n\nprep = spark(code=\"./src\", entry={\"file\": \"prep.py\"}, driver_cores=1, driver_memory=\"7g\", executor_cores=2, executor_memory=\"7g\", executor_instances=2,\n             resources={\"instance_type\": \"standard_e4s_v3\", \"runtime_version\": \"3.4\"})",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments in the same module (a notebook is one module); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/apache-spark-azure-ml-concepts",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline"
    ]
    },
  },
  symbols: ["azureml.pipeline.steps.SynapseSparkStep"],
  message: (shown) => `${shown} is SDK v1: v2 runs Spark as \`spark\` jobs and components (\`azure.ai.ml.spark\`, \`SparkJob\`) on serverless Spark or an attached Synapse Spark pool (\`SynapseSparkCompute\`). The 2022 migration guide called Spark in v2 jobs a preview; current docs present it without a preview label.`,
  extra(ctx) {
    // `%%synapse` cells are skipped as non-Python; they are reported once, on the magic line.
    if (ctx.module.origin === 'writefile') return;
    for (const cmd of ctx.source.commands) {
      if (cmd.kind !== 'cell-magic' || cmd.name !== 'synapse') continue;
      const start = cmd.location.range.start;
      ctx.reportAt({ cell: cmd.location.cell, range: { start, end: { line: start.line, character: start.character + '%%synapse'.length } } }, {
        message: '`%%synapse` runs this cell on a Synapse Spark pool through the SDK v1 azureml-synapse magic: in v2, run Spark code as a `spark` job or component (`azure.ai.ml.spark`) on serverless Spark or an attached Synapse pool.',
        symbol: '%%synapse',
      });
    }
  },
});
