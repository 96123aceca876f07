import { ruleTester } from './tester';

ruleTester('AML302', {
  valid: [
    'from azure.ai.ml.entities import Workspace\nws = Workspace(name="w", public_network_access="Disabled")',
    {
      // A v1 workspace created without a private endpoint (real shape): nothing for AML302.
      name: 'Workspace.create without private endpoint',
      code: "from azureml.core import Workspace\nws = Workspace.create(name='W', subscription_id='sub', resource_group='R', create_resource_group=True, location='eastus')\nws.write_config(path='.azureml')",
    },
    { name: 'private_endpoint_config=None', code: 'from azureml.core import Workspace\nws = Workspace.create(name="w", private_endpoint_config=None)' },
    {
      // azure-sdk-for-python sample (round 35 v2only sample): managed network outbound rules, one of them a
      // private endpoint destination; v2 workspace networking, not a v1 PrivateEndPointConfig.
      name: 'v2 ManagedNetwork with a PrivateEndpointDestination outbound rule',
      code: [
        'from azure.ai.ml.entities import Workspace, ManagedNetwork, IsolationMode, PrivateEndpointDestination',
        'blobrule = PrivateEndpointDestination(name="blobrule", service_resource_id="/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s", subresource_target="blob", spark_enabled=False)',
        'network = ManagedNetwork(isolation_mode=IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND, outbound_rules=[blobrule])',
        'ws = Workspace(name="ws-name", location="eastus", managed_network=network)',
        'ml_client.workspaces.begin_provision_network(workspace_name="ws-name", include_spark=False)',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      code: 'from azureml.core import Workspace\nfrom azureml.core import PrivateEndPointConfig\nple = PrivateEndPointConfig(name="pe", vnet_name="v", vnet_subnet_name="s")\nws = Workspace.create(name="w", private_endpoint_config=ple)\nws.add_private_endpoint(ple)',
      errors: [
        { line: 3, column: 7, message: ['az network private-endpoint create', 'v1_legacy_mode'] },
        { line: 4, column: 33 },
        { line: 5, column: 1, endColumn: 24 },
      ],
    },
    {
      name: 'removing a private endpoint connection',
      code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nws.delete_private_endpoint_connection(private_endpoint_connection_name="pe-conn")',
      errors: [{ line: 3, column: 1, endColumn: 38, message: ['removes a workspace private endpoint connection', 'private endpoint connections', 'delete the endpoint itself', 'v1_legacy_mode'] }],
    },
  ],
});
