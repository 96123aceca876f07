import { ruleTester } from './tester';

ruleTester('AML209', {
  valid: [
    'from azureml.core.webservice import AciWebservice\nconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)',
    {
      // Local and AKS deployments of a landing-zone test (real shape): no ACI-only option, no deploy_from_*.
      name: 'Model.deploy to a local service and to AKS',
      code: 'from azureml.core.model import Model\nfrom azureml.core.webservice import LocalWebservice, AksWebservice\ndeploy_config = LocalWebservice.deploy_configuration(port=6789)\nservice = Model.deploy(ws, "myservice", [model], inf_config, deploy_config)\nservice2 = Model.deploy(ws, "s2", [model], inf_config, AksWebservice.deploy_configuration(cpu_cores = 1, memory_gb = 1), aks_target)',
    },
  ],
  invalid: [
    {
      code: 'from azureml.core.webservice import AciWebservice\nconfig = AciWebservice.deploy_configuration(cpu_cores=1, auth_enabled=False, dns_name_label="svc")',
      errors: [{ line: 2, column: 58, endColumn: 76, message: 'key or token auth' }, { line: 2, column: 78, message: 'dns_name_label' }],
    },
    { code: 'from azureml.core.webservice import Webservice\nsvc = Webservice.deploy_from_model(ws, "svc", [model], image_config)', errors: [{ line: 2, column: 7 }] },
    {
      // An AKS deployment script (real shape): an image deployed with deploy_from_image to an AKS target.
      name: 'deploy_from_image to AKS',
      code: 'from azureml.core.webservice import Webservice, AksWebservice\naks_config = AksWebservice.deploy_configuration(enable_app_insights=True)\nservice = Webservice.deploy_from_image(\n    workspace=ws, name=aks_service_name, image=image,\n    deployment_config=aks_config, deployment_target=aks_target)',
      errors: [{ line: 3, column: 11, endColumn: 39, message: ['redeploy', 'Kubernetes online endpoint'] }],
    },
  ],
});
