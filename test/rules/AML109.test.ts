import { ruleTester } from './tester';

ruleTester('AML109', {
  valid: ['from azure.ai.ml.entities import ManagedOnlineEndpoint\nendpoint = ManagedOnlineEndpoint(name="e", auth_mode="key")'],
  invalid: [
    {
      code: [
        'from azureml.core.model import InferenceConfig, Model',
        'from azureml.core.webservice import AciWebservice',
        'inference = InferenceConfig(entry_script="score.py", environment=env)',
        'config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        'service = Model.deploy(ws, "svc", [model], inference, config)',
        'service.wait_for_deployment(show_output=True)',
        'print(service.scoring_uri)',
      ].join('\n'),
      errors: [
        { line: 3, column: 13, endColumn: 28 },
        { line: 4, column: 10, endColumn: 44, message: 'ManagedOnlineDeployment' },
        { line: 5, column: 11, endColumn: 23 },
        { line: 6, column: 1, endColumn: 28 },
        { line: 7, column: 7, endColumn: 26 },
      ],
    },
    {
      // The URI is read from the service once; the name holding it is a plain string afterwards.
      name: 'a service member kept in a name',
      code: 'import requests\nfrom azureml.core.webservice import Webservice\nservice = Webservice(ws, "svc")\nurl = service.scoring_uri\nprint(url)\nrequests.post(url, json={})',
      errors: [{ line: 3, column: 11, endColumn: 21 }, { line: 4, column: 7, endColumn: 26 }],
    },
  ],
});
