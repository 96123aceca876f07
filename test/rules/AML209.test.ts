import { ruleTester } from './tester';

ruleTester('AML209', {
  valid: ['from azureml.core.webservice import AciWebservice\nconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)'],
  invalid: [
    {
      code: 'from azureml.core.webservice import AciWebservice\nconfig = AciWebservice.deploy_configuration(cpu_cores=1, auth_enabled=False, dns_name_label="svc")',
      errors: [{ line: 2, column: 58, endColumn: 76, message: 'key or token auth' }, { line: 2, column: 78, message: 'dns_name_label' }],
    },
    { code: 'from azureml.core.webservice import Webservice\nsvc = Webservice.deploy_from_model(ws, "svc", [model], image_config)', errors: [{ line: 2, column: 7 }] },
  ],
});
