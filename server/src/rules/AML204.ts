/**
 * AML204 spark-in-jobs: Spark in pipelines (SynapseSparkStep, %%synapse) (no full SDK v2 equivalent).
 */
import { featureRule, callsTo } from './features';
import { stringValue } from './fixes';

/** `RunConfiguration(framework="pyspark")`: a v1 run submitted as a Spark job (to an attached Synapse Spark pool). */
const RUN_CONFIGURATION = new Set(['azureml.core.RunConfiguration', 'azureml.core.runconfig.RunConfiguration']);

const pysparkMessage = (shown: string): string => `${shown} submits an SDK v1 Spark run (to an attached Synapse Spark pool or HDInsight cluster): in v2, submit it as a \`spark\` job (\`azure.ai.ml.spark\`, \`SparkJob\`) on serverless Spark or an attached Synapse Spark pool (\`SynapseSparkCompute\`).`;

/** `%synapse` subcommands that manage or describe a session (azureml-synapse magic) rather than run Spark code. */
const SESSION_ONLY = new Set(['stop', 'meta', 'help', '?', '-h', '--help']);

export default featureRule({
  meta: {
    code: 'AML204',
    name: 'spark-in-jobs',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds Spark in SDK v1 jobs, pipelines and notebooks: `SynapseSparkStep`, `RunConfiguration(framework=\"pyspark\")` runs (also `rc.framework = \"PySpark\"`), `%%synapse` cells, and the `%synapse start` / `%synapse <statement>` line magics (azureml-synapse).",
    why: "SDK v2 has `spark` jobs and components (`azure.ai.ml.spark`, `SparkJob`, `SparkComponent`) that run on serverless Spark compute or an attached Synapse Spark pool. The 2022 migration guide listed Spark in jobs as missing and later as \"currently in preview in v2\"; the current Spark concepts page has no preview label. `%synapse` and `%%synapse` (the azureml-synapse notebook magics) are v1-only.",
    v1Example: "from azureml.pipeline.steps import SynapseSparkStep\n\nstep = SynapseSparkStep(name=\"prep\", file=\"prep.py\", source_directory=\"./src\", compute_target=synapse, driver_memory=\"7g\", num_executors=2)",
    v2Example: "from azure.ai.ml import spark\n\nprep = spark(code=\"./src\", entry={\"file\": \"prep.py\"}, driver_cores=1, driver_memory=\"7g\", executor_cores=2, executor_memory=\"7g\", executor_instances=2,\n             resources={\"instance_type\": \"standard_e4s_v3\", \"runtime_version\": \"3.4\"})",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
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
    // `%synapse start ...` opens the session those cells run on, and `%synapse <statement>` runs one line on it;
    // `%synapse stop` / `meta` / `help` only manage or describe a session and are not reported.
    for (const call of callsTo(ctx, (q) => RUN_CONFIGURATION.has(q))) {
      const framework = call.args.find((a) => a.keyword === 'framework');
      if (!framework || stringValue(framework.node)?.toLowerCase() !== 'pyspark') continue;
      ctx.report({
        node: framework.node.parent ?? framework.node,
        message: pysparkMessage('`RunConfiguration(framework="pyspark")`'),
        symbol: 'azureml.core.RunConfiguration',
        deprecated: true,
      });
    }
    // The same set as an attribute (`rc = RunConfiguration()` then `rc.framework = "PySpark"`, also through a
    // ScriptRunConfig's `run_config`): reported on the value, as the keyword argument is.
    for (const ref of ctx.model.references) {
      if (!/^azureml\.core\.(?:(?:runconfig\.)?RunConfiguration|ScriptRunConfig\.run_config)\.framework$/.test(ref.qname)) continue;
      const assign = ref.node.parent;
      const right = assign?.type === 'assignment' && assign.childForFieldName('left')?.id === ref.node.id ? assign.childForFieldName('right') : null;
      if (!right || stringValue(right)?.toLowerCase() !== 'pyspark') continue;
      ctx.report({ node: right, message: pysparkMessage('A v1 run configuration\'s `framework = "pyspark"`'), symbol: 'azureml.core.RunConfiguration', deprecated: true });
    }
    if (ctx.module.origin === 'writefile') return;
    for (const cmd of ctx.source.commands) {
      if (cmd.name !== 'synapse' || (cmd.kind !== 'cell-magic' && cmd.kind !== 'line-magic')) continue;
      const start = cmd.location.range.start;
      if (cmd.kind === 'cell-magic') {
        ctx.reportAt({ cell: cmd.location.cell, range: { start, end: { line: start.line, character: start.character + '%%synapse'.length } } }, {
          message: '`%%synapse` runs this cell on a Synapse Spark pool through the SDK v1 azureml-synapse magic: in v2, run Spark code as a `spark` job or component (`azure.ai.ml.spark`) on serverless Spark or an attached Synapse pool.',
          symbol: '%%synapse',
        });
        continue;
      }
      const m = /^synapse[ \t]+(\S+)/.exec(cmd.text);
      const sub = m?.[1];
      if (!m || sub === undefined || SESSION_ONLY.has(sub)) continue;
      const shown = sub === 'start' ? '%synapse start' : '%synapse';
      // `%` + `synapse start` as written (`%synapse  start` keeps its blanks), or `%synapse` alone.
      const length = 1 + (sub === 'start' ? m[0].length : 'synapse'.length);
      ctx.reportAt({ cell: cmd.location.cell, range: { start, end: { line: start.line, character: start.character + length } } }, {
        message: sub === 'start'
          ? '`%synapse start` starts a Synapse Spark session through the SDK v1 azureml-synapse magic (for the `%synapse` / `%%synapse` code that follows): in v2, run Spark code as a `spark` job or component (`azure.ai.ml.spark`) on serverless Spark or an attached Synapse pool.'
          : '`%synapse` runs this line on a Synapse Spark pool through the SDK v1 azureml-synapse magic: in v2, run Spark code as a `spark` job or component (`azure.ai.ml.spark`) on serverless Spark or an attached Synapse pool.',
        symbol: shown,
      });
    }
  },
});
