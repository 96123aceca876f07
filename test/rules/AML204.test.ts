import { ruleTester } from './tester';

ruleTester('AML204', {
  valid: [
    'from azure.ai.ml import spark\njob = spark(code="./src", entry={"file": "prep.py"})',
    { name: 'synapse in a string', cells: ['x = "%%synapse"'] },
  ],
  invalid: [
    { code: 'from azureml.pipeline.steps import SynapseSparkStep\nstep = SynapseSparkStep(name="prep", file="prep.py")', errors: [{ line: 2, column: 8, message: ['spark', 'preview'] }] },
    { name: '%%synapse cell', cells: [{ md: 'Spark' }, '%%synapse\ndf = spark.read.csv("x")'], errors: [{ cell: 2, line: 1, column: 1, endColumn: 10, message: '%%synapse' }] },
  ],
});
