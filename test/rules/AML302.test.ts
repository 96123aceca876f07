import { ruleTester } from './tester';

ruleTester('AML302', {
  valid: ['from azure.ai.ml.entities import Workspace\nws = Workspace(name="w", public_network_access="Disabled")'],
  invalid: [
    {
      code: 'from azureml.core import Workspace\nfrom azureml.core import PrivateEndPointConfig\nple = PrivateEndPointConfig(name="pe", vnet_name="v", vnet_subnet_name="s")\nws = Workspace.create(name="w", private_endpoint_config=ple)\nws.add_private_endpoint(ple)',
      errors: [
        { line: 3, column: 7, message: ['az network private-endpoint create', 'v1_legacy_mode'] },
        { line: 4, column: 33 },
        { line: 5, column: 1, endColumn: 24 },
      ],
    },
  ],
});
